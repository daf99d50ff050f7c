import { Type, type Static } from '@sinclair/typebox';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/device-retired-v1';
import { DeviceIdSchema, FleetIdSchema } from '../../identifiers';
import { SOURCES } from '../../sources';
import { EpochMsSchema } from '../../time';
import { DeviceRevisionSchema } from '../device/device-revision';
import sample from './v1.sample.json';

export const DEVICE_RETIRED = { source: SOURCES.ingest, detailType: 'DeviceRetired' } as const;

export const DeviceRetiredV1DataSchema = Type.Object(
  {
    deviceId: DeviceIdSchema,
    fleetId: FleetIdSchema,
    revision: DeviceRevisionSchema,
    retiredAt: EpochMsSchema,
  },
  { additionalProperties: false },
);
export type DeviceRetiredV1Data = Static<typeof DeviceRetiredV1DataSchema>;

export const DeviceRetiredV1 = /* @__PURE__ */ definePrecompiledContract(
  DEVICE_RETIRED,
  {
    name: 'DeviceRetired',
    version: 1,
    description: 'A device was retired (DELETE /v1/devices/{deviceId}); later readings from it are flagged unregistered.',
    data: DeviceRetiredV1DataSchema,
    sample,
  },
  validateDetail,
);
