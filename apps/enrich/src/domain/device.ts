import type { Calibration, DeviceRegisteredV1Data, DeviceRetiredV1Data, Location } from '@pulse/schemas';

/** A device as enrich projects it from DeviceRegistered events. */
export interface ActiveDevice {
  readonly status: 'active';
  readonly fleetId: string;
  readonly deviceId: string;
  readonly revision: number;
  readonly zoneId: string;
  readonly location: Location;
  readonly model: string;
  readonly calibration: Calibration;
  readonly installedAt: number;
}

/**
 * A retired device is kept, with its revision, as a tombstone: a late DeviceRegistered with
 * a lower revision must not resurrect it. Its readings are enriched as unregistered.
 */
export interface RetiredDevice {
  readonly status: 'retired';
  readonly fleetId: string;
  readonly deviceId: string;
  readonly revision: number;
  readonly retiredAt: number;
}

export type DeviceRecord = ActiveDevice | RetiredDevice;

export function activeDevice(data: DeviceRegisteredV1Data): ActiveDevice {
  const { deviceId, fleetId, revision, zoneId, location, model, calibration, installedAt } = data;
  return { status: 'active', deviceId, fleetId, revision, zoneId, location, model, calibration, installedAt };
}

export function retiredDevice(data: DeviceRetiredV1Data): RetiredDevice {
  const { deviceId, fleetId, revision, retiredAt } = data;
  return { status: 'retired', deviceId, fleetId, revision, retiredAt };
}
