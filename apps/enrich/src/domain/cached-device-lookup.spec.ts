import { DeviceRegisteredV1 } from '@pulse/schemas';
import { manualClock } from '@pulse/service-kit/testing';
import { InMemoryDeviceStore } from '../adapters/in-memory-device-store';
import { cachedDeviceLookup } from './cached-device-lookup';
import { activeDevice, type DeviceRecord } from './device';
import { TtlCache } from './ttl-cache';

const registered = activeDevice(DeviceRegisteredV1.sample.detail.data);
const FLEET = registered.fleetId;

function setup(devices: DeviceRecord[] = [registered]) {
  const clock = manualClock();
  const store = new InMemoryDeviceStore(devices);
  const lookup = cachedDeviceLookup({ store, cache: new TtlCache({ clock, maxEntries: 100 }), ttlMs: 60_000, negativeTtlMs: 10_000 });
  return { clock, store, lookup };
}

describe('cachedDeviceLookup', () => {
  it('reads only the distinct misses from the store, once per batch', async () => {
    // Prepare
    const { store, lookup } = setup();

    // Act
    const result = await lookup.lookup(FLEET, ['sensor-0042', 'sensor-0042', 'ghost']);

    // Assess
    expect(store.reads).toEqual([{ fleetId: FLEET, deviceIds: ['sensor-0042', 'ghost'] }]);
    expect([...result.devices.keys()]).toEqual(['sensor-0042']);
    expect(result).toMatchObject({ cacheHits: 0, cacheMisses: 2 });
  });

  it('answers from the cache within the TTL, so a second batch reads nothing', async () => {
    // Prepare
    const { store, lookup } = setup();
    await lookup.lookup(FLEET, ['sensor-0042', 'ghost']);

    // Act
    const result = await lookup.lookup(FLEET, ['sensor-0042', 'ghost']);

    // Assess
    expect(store.reads).toHaveLength(1);
    expect(result.devices.get('sensor-0042')).toEqual(registered);
    expect(result).toMatchObject({ cacheHits: 2, cacheMisses: 0 });
  });

  it('re-reads an unknown device after the short negative TTL, and a known one after the TTL', async () => {
    // Prepare
    const { clock, store, lookup } = setup();
    await lookup.lookup(FLEET, ['sensor-0042', 'ghost']);
    store.put({ ...registered, deviceId: 'ghost' });

    // Act
    clock.advance(10_000);
    const afterNegativeTtl = await lookup.lookup(FLEET, ['sensor-0042', 'ghost']);
    clock.advance(50_000);
    await lookup.lookup(FLEET, ['sensor-0042', 'ghost']);

    // Assess
    expect(afterNegativeTtl.devices.has('ghost')).toBe(true);
    expect(store.reads.map((r) => r.deviceIds)).toEqual([['sensor-0042', 'ghost'], ['ghost'], ['sensor-0042']]);
  });

  it('keeps fleets apart: the same deviceId in another fleet is another device', async () => {
    // Prepare
    const { lookup } = setup();
    await lookup.lookup(FLEET, ['sensor-0042']);

    // Act
    const other = await lookup.lookup('city-paris', ['sensor-0042']);

    // Assess
    expect(other.devices.size).toBe(0);
    expect(other.cacheMisses).toBe(1);
  });
});
