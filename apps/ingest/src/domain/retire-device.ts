import type { DeviceRetiredV1Data } from '@pulse/schemas';
import type { DevicePorts } from './register-device';
import { EventsNotAcceptedError } from './readings-sink';

export type RetireOutcome =
  | { kind: 'retired'; event: DeviceRetiredV1Data }
  | { kind: 'notFound' }
  | { kind: 'conflict'; message: string }
  | { kind: 'unavailable'; message: string };

/**
 * Retires a device of the caller's fleet (another fleet's device is a 404: its existence is
 * not the caller's business). Retiring twice publishes the same DeviceRetired again, which
 * is also how a client recovers from a 503. The claim stays: readings from a retired
 * device are still accepted, and enrich flags them unregistered.
 */
export async function retireDevice(fleetId: string, deviceId: string, correlationId: string, ports: DevicePorts): Promise<RetireOutcome> {
  const current = await ports.devices.getDevice(deviceId);
  if (!current || current.fleetId !== fleetId) return { kind: 'notFound' };
  let event: DeviceRetiredV1Data;
  if (current.status === 'retired') {
    event = { deviceId, fleetId, revision: current.revision, retiredAt: current.retiredAt ?? current.updatedAt };
  } else {
    const now = ports.clock.now();
    event = { deviceId, fleetId, revision: current.revision + 1, retiredAt: now };
    const saved = await ports.devices.saveDevice({ ...current, revision: event.revision, status: 'retired', retiredAt: now, updatedAt: now }, current.revision);
    if (!saved) return { kind: 'conflict', message: 'the device changed while it was being retired; retry' };
  }
  try {
    await ports.events.retired(event, correlationId);
  } catch (error) {
    if (error instanceof EventsNotAcceptedError) return { kind: 'unavailable', message: 'retired, but the event bus did not accept DeviceRetired; send the same request again' };
    throw error;
  }
  return { kind: 'retired', event };
}
