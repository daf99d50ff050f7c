import type { DeviceRegisteredV1Data, ValidationIssue } from '@pulse/schemas';
import type { Clock } from '@pulse/service-kit';
import type { DeviceEvents } from './device-events';
import { validateDeviceRegistration, type DeviceRecord, type DeviceRepository } from './device-registration';
import { EventsNotAcceptedError } from './readings-sink';

export interface DevicePorts {
  readonly devices: DeviceRepository;
  readonly events: DeviceEvents;
  readonly clock: Clock;
}

export type RegisterOutcome =
  | { kind: 'saved'; created: boolean; device: DeviceRegisteredV1Data }
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'unavailable'; message: string };

/**
 * Upserts a device and tells the bus (DeviceRegistered, the full state). The table is
 * written first: if the bus then refuses, the client gets a 503 and its retry writes
 * revision + 1 and publishes again, so enrich's projection still converges.
 */
export async function registerDevice(
  fleetId: string,
  deviceId: string,
  body: unknown,
  correlationId: string,
  ports: DevicePorts,
): Promise<RegisterOutcome> {
  const parsed = validateDeviceRegistration(body);
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.errors };
  const registration = parsed.value;
  const current = await ports.devices.getDevice(deviceId);
  if (current && current.fleetId !== fleetId) return { kind: 'conflict', message: `device '${deviceId}' is registered to another fleet` };
  if (registration.revision !== undefined && registration.revision !== current?.revision) {
    return { kind: 'conflict', message: `the device is at revision ${current?.revision ?? 'none'}, not ${registration.revision}; read it again and retry` };
  }
  const now = ports.clock.now();
  const device: DeviceRegisteredV1Data = {
    deviceId,
    fleetId,
    revision: (current?.revision ?? 0) + 1,
    zoneId: registration.zoneId,
    location: registration.location,
    model: registration.model,
    calibration: registration.calibration ?? {},
    installedAt: registration.installedAt ?? current?.installedAt ?? now,
  };
  const record: DeviceRecord = { ...device, status: 'active', updatedAt: now };
  if (!(await ports.devices.saveDevice(record, current?.revision))) {
    return { kind: 'conflict', message: 'the device changed while this update was applied; retry' };
  }
  try {
    await ports.events.registered(device, correlationId);
  } catch (error) {
    if (error instanceof EventsNotAcceptedError) return { kind: 'unavailable', message: 'saved, but the event bus did not accept DeviceRegistered; send the same request again' };
    throw error;
  }
  return { kind: 'saved', created: current === undefined, device };
}
