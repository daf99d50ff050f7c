import type { DeviceRegisteredV1Data, DeviceRetiredV1Data } from '@pulse/schemas';
import { DeviceRegisteredV1, DeviceRetiredV1 } from '@pulse/schemas';
import { manualClock } from '@pulse/service-kit/testing';
import { memoryDevices } from '../testing/fakes';
import type { DeviceEvents } from './device-events';
import { registerDevice } from './register-device';
import { EventsNotAcceptedError } from './readings-sink';
import { retireDevice } from './retire-device';

function recordingEvents(refuse = false): DeviceEvents & { registered: jest.Mock; retired: jest.Mock } {
  const outcome = () => (refuse ? Promise.reject(new EventsNotAcceptedError([0], 3, 'refused')) : Promise.resolve());
  return { registered: jest.fn<Promise<void>, [DeviceRegisteredV1Data, string]>(outcome), retired: jest.fn<Promise<void>, [DeviceRetiredV1Data, string]>(outcome) };
}

const body = { zoneId: 'presquile', location: { lat: 45.7578, lon: 4.832 }, model: 'Acme AQ-200', calibration: { pm25: { gain: 1.05, offset: 0.08 } } };

describe('registerDevice', () => {
  it('creates revision 1, then increments it, publishing the full state each time', async () => {
    // Prepare
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const ports = { devices: memoryDevices(), events: recordingEvents(), clock };
    // Act
    const created = await registerDevice('city-a', 'sensor-1', body, 'corr', ports);
    clock.advance(1000);
    const updated = await registerDevice('city-a', 'sensor-1', { ...body, zoneId: 'part-dieu' }, 'corr', ports);
    // Assess
    expect(created).toMatchObject({ kind: 'saved', created: true, device: { revision: 1, installedAt: Date.UTC(2026, 0, 1) } });
    expect(updated).toMatchObject({ kind: 'saved', created: false, device: { revision: 2, zoneId: 'part-dieu', installedAt: Date.UTC(2026, 0, 1) } });
    const published = ports.events.registered.mock.calls.map(([data]) => data);
    expect(published.map((d) => DeviceRegisteredV1.validate({ metadata: { version: 1, batchId: 'b', correlationId: 'c', producedAt: '2026-01-01T00:00:00Z' }, data: d }).ok)).toEqual([true, true]);
  });

  it('refuses another fleet’s device and a stale revision with a conflict', async () => {
    // Prepare
    const ports = { devices: memoryDevices(), events: recordingEvents(), clock: manualClock() };
    await registerDevice('city-a', 'sensor-1', body, 'corr', ports);
    // Act
    const otherFleet = await registerDevice('city-b', 'sensor-1', body, 'corr', ports);
    const stale = await registerDevice('city-a', 'sensor-1', { ...body, revision: 5 }, 'corr', ports);
    const current = await registerDevice('city-a', 'sensor-1', { ...body, revision: 1 }, 'corr', ports);
    // Assess
    expect([otherFleet.kind, stale.kind, current.kind]).toEqual(['conflict', 'conflict', 'saved']);
  });

  it('names every problem of an invalid registration', async () => {
    // Act
    const outcome = await registerDevice('city-a', 'sensor-1', { zoneId: 'z', location: { lat: 91, lon: 0 }, model: 'M', colour: 'red' }, 'corr', {
      devices: memoryDevices(),
      events: recordingEvents(),
      clock: manualClock(),
    });
    // Assess
    expect(outcome).toMatchObject({ kind: 'invalid' });
    if (outcome.kind !== 'invalid') throw new Error('expected invalid');
    expect(outcome.issues.map((i) => `${i.path}:${i.rule}`).sort()).toEqual(['colour:additionalProperties', 'location.lat:maximum']);
  });

  it('answers unavailable when the bus refuses, after saving (a retry republishes)', async () => {
    // Prepare
    const devices = memoryDevices();
    // Act
    const outcome = await registerDevice('city-a', 'sensor-1', body, 'corr', { devices, events: recordingEvents(true), clock: manualClock() });
    // Assess
    expect(outcome.kind).toBe('unavailable');
    expect(devices.items.get('sensor-1')?.revision).toBe(1);
  });
});

describe('retireDevice', () => {
  it('retires with revision + 1, and retiring again republishes the same event', async () => {
    // Prepare
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const ports = { devices: memoryDevices(), events: recordingEvents(), clock };
    await registerDevice('city-a', 'sensor-1', body, 'corr', ports);
    clock.advance(5000);
    // Act
    const first = await retireDevice('city-a', 'sensor-1', 'corr', ports);
    clock.advance(5000);
    const second = await retireDevice('city-a', 'sensor-1', 'corr', ports);
    // Assess
    const expected = { deviceId: 'sensor-1', fleetId: 'city-a', revision: 2, retiredAt: Date.UTC(2026, 0, 1) + 5000 };
    expect(first).toEqual({ kind: 'retired', event: expected });
    expect(second).toEqual({ kind: 'retired', event: expected });
    expect(DeviceRetiredV1.validate({ metadata: { version: 1, batchId: 'b', correlationId: 'c', producedAt: '2026-01-01T00:00:00Z' }, data: expected }).ok).toBe(true);
    expect(ports.devices.items.get('sensor-1')?.status).toBe('retired');
  });

  it('does not reveal another fleet’s device: not found', async () => {
    // Prepare
    const ports = { devices: memoryDevices(), events: recordingEvents(), clock: manualClock() };
    await registerDevice('city-a', 'sensor-1', body, 'corr', ports);
    // Act / Assess
    expect(await retireDevice('city-b', 'sensor-1', 'corr', ports)).toEqual({ kind: 'notFound' });
    expect(await retireDevice('city-a', 'nope', 'corr', ports)).toEqual({ kind: 'notFound' });
  });
});
