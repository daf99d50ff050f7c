import { Type, type Static } from '@sinclair/typebox';
import {
  CalibrationSchema,
  DeviceRegisteredV1DataSchema,
  EpochMsSchema,
  LocationSchema,
  precompiledValidator,
  ZoneIdSchema,
  type DeviceRegisteredV1Data,
} from '@pulse/schemas';
import validateGeneratedRegistration from '../generated/device-registration';

/** PUT /v1/devices/{deviceId}: the device's full registration (an upsert, not a patch). */
export const DeviceRegistrationSchema = Type.Object(
  {
    zoneId: ZoneIdSchema,
    location: LocationSchema,
    model: DeviceRegisteredV1DataSchema.properties.model,
    calibration: Type.Optional(CalibrationSchema),
    installedAt: Type.Optional(EpochMsSchema),
    revision: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'the revision this update is based on (optimistic concurrency); omit to overwrite whatever is stored',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DeviceRegistration = Static<typeof DeviceRegistrationSchema>;

export const validateDeviceRegistration = /* @__PURE__ */ precompiledValidator(DeviceRegistrationSchema, validateGeneratedRegistration);

/** What the Fleets table keeps per device: the last registration event, plus its lifecycle. */
export interface DeviceRecord extends DeviceRegisteredV1Data {
  readonly status: 'active' | 'retired';
  readonly updatedAt: number;
  readonly retiredAt?: number;
}

/** The port: one device claim per deviceId (a device belongs to one fleet). */
export interface DeviceRepository {
  getDevice(deviceId: string): Promise<DeviceRecord | undefined>;
  /** Writes only if the stored revision is still `expectedRevision` (undefined: nothing stored). False otherwise. */
  saveDevice(record: DeviceRecord, expectedRevision: number | undefined): Promise<boolean>;
}
