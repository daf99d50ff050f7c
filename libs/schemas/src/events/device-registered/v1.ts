import { Type, type Static } from '@sinclair/typebox';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/device-registered-v1';
import { DeviceIdSchema, FleetIdSchema, ZoneIdSchema } from '../../identifiers';
import { LocationSchema } from '../../location';
import { SOURCES } from '../../sources';
import { EpochMsSchema } from '../../time';
import { DeviceRevisionSchema } from '../device/device-revision';
import sample from './v1.sample.json';

export const DEVICE_REGISTERED = { source: SOURCES.ingest, detailType: 'DeviceRegistered' } as const;

/** calibrated = raw × gain + offset, in canonical units. */
const CalibrationFactorSchema = Type.Object(
  {
    gain: Type.Number({ exclusiveMinimum: 0, rationale: 'a calibration gain scales, it cannot zero or invert a value' }),
    offset: Type.Number(),
  },
  { additionalProperties: false },
);
const factor = () => Type.Optional(CalibrationFactorSchema);

/** Per measurement; a measurement without an entry is passed through and flagged 'uncalibrated'. */
export const CalibrationSchema = Type.Object(
  {
    pm25: factor(),
    pm10: factor(),
    o3: factor(),
    no2: factor(),
    co: factor(),
    so2: factor(),
    temperature: factor(),
    humidity: factor(),
  },
  { additionalProperties: false },
);
export type Calibration = Static<typeof CalibrationSchema>;

export const DeviceRegisteredV1DataSchema = Type.Object(
  {
    deviceId: DeviceIdSchema,
    fleetId: FleetIdSchema,
    revision: DeviceRevisionSchema,
    zoneId: ZoneIdSchema,
    location: LocationSchema,
    model: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9 ._()/+-]{1,64}$',
      description: "1–64 characters of letters, digits, spaces or . _ ( ) / + -",
    }),
    calibration: CalibrationSchema,
    installedAt: EpochMsSchema,
  },
  { additionalProperties: false },
);
export type DeviceRegisteredV1Data = Static<typeof DeviceRegisteredV1DataSchema>;

export const DeviceRegisteredV1 = /* @__PURE__ */ definePrecompiledContract(
  DEVICE_REGISTERED,
  {
    name: 'DeviceRegistered',
    version: 1,
    description: 'A device was registered or its registration changed (PUT /v1/devices/{deviceId}); the full state, not a diff.',
    data: DeviceRegisteredV1DataSchema,
    sample,
  },
  validateDetail,
);
