import fc from 'fast-check';
import { DeviceRegisteredV1, DeviceRetiredV1, ReadingsEnrichedV1, ReadingsNormalizedV1, type NormalizedReading } from '@pulse/schemas';
import { InMemoryDeviceStore } from '../adapters/in-memory-device-store';
import { cachedDeviceLookup } from './cached-device-lookup';
import { activeDevice, retiredDevice } from './device';
import { enrichBatch } from './enrich-batch';
import { TtlCache } from './ttl-cache';
import { manualClock } from '@pulse/service-kit/testing';

const registered = activeDevice(DeviceRegisteredV1.sample.detail.data);
const normalized = ReadingsNormalizedV1.sample.detail.data;

function lookupOver(store: InMemoryDeviceStore) {
  return cachedDeviceLookup({ store, cache: new TtlCache({ clock: manualClock(), maxEntries: 100 }), ttlMs: 60_000, negativeTtlMs: 10_000 });
}

describe('enrichBatch', () => {
  it('enriches the golden batch: a registered device calibrated and placed, an unknown one flagged', async () => {
    // Prepare
    const store = new InMemoryDeviceStore([registered]);

    // Act
    const { data, stats } = await enrichBatch(normalized, lookupOver(store));

    // Assess
    expect(data.fleetId).toBe('city-lyon');
    expect(data.receivedAt).toBe(normalized.receivedAt);
    expect(data.readings[0]).toEqual({
      readingId: 'sensor-0042@1714564800000',
      deviceId: 'sensor-0042',
      ts: 1714564800000,
      registered: true,
      zoneId: 'presquile',
      location: { lat: 45.7578, lon: 4.832 },
      measurements: { pm25: 13.1, pm10: 20.1, temperature: 18.1, humidity: 54 },
      aqi: { value: 58, category: 'Moderate', dominant: 'pm25', subIndices: { pm25: 58, pm10: 19 } },
      quality: ['uncalibrated'],
    });
    expect(data.readings[1]).toEqual({
      readingId: 'sensor-0043@1714564800500',
      deviceId: 'sensor-0043',
      ts: 1714564800500,
      registered: false,
      zoneId: null,
      location: null,
      measurements: { o3: 41, no2: 17, temperature: 18.5 },
      aqi: { value: 38, category: 'Good', dominant: 'o3', subIndices: { o3: 38, no2: 16 } },
      quality: ['unregistered-device'],
    });
    expect(stats).toEqual({ readings: 2, unregistered: 1, cacheHits: 0, cacheMisses: 2 });
  });

  it('treats a retired device as unregistered: raw values, no zone, flagged', async () => {
    // Prepare
    const tombstone = retiredDevice({ ...DeviceRetiredV1.sample.detail.data, deviceId: 'sensor-0042', revision: 9 });
    const store = new InMemoryDeviceStore([tombstone]);

    // Act
    const { data } = await enrichBatch(normalized, lookupOver(store));

    // Assess
    expect(data.readings[0]).toMatchObject({ registered: false, zoneId: null, location: null, quality: ['unregistered-device'] });
    expect(data.readings[0]!.measurements.pm25).toBe(12.4);
  });

  it('flags a capped AQI as aqi-capped, keeping the flags transform set', async () => {
    // Prepare
    const reading: NormalizedReading = { readingId: 'sensor-0042@1', deviceId: 'sensor-0042', ts: 1, measurements: { pm25: 700 }, quality: ['beyond-sensor-range'] };
    const store = new InMemoryDeviceStore([{ ...registered, calibration: { pm25: { gain: 1, offset: 0 } } }]);

    // Act
    const { data } = await enrichBatch({ ...normalized, readings: [reading] }, lookupOver(store));

    // Assess
    expect(data.readings[0]).toMatchObject({ aqi: { value: 500, category: 'Hazardous' }, quality: ['beyond-sensor-range', 'aqi-capped'] });
  });

  it('keeps every reading, in order, and always yields a valid ReadingsEnriched (property)', async () => {
    // Prepare
    const concentration = fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: undefined });
    const reading = fc.record({
      device: fc.constantFrom('sensor-0042', 'sensor-0043', 'sensor-0044'),
      ts: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
      pm25: concentration,
      o3: concentration,
      co: concentration,
      humidity: fc.double({ min: 0, max: 100, noNaN: true }),
      temperature: fc.double({ min: -40, max: 60, noNaN: true }),
    });
    const offset = fc.double({ min: -50, max: 50, noNaN: true });
    const retired = retiredDevice({ deviceId: 'sensor-0044', fleetId: 'city-lyon', revision: 2, retiredAt: 1 });

    // Act + Assess
    await fc.assert(
      fc.asyncProperty(fc.array(reading, { minLength: 1, maxLength: 200 }), offset, async (generated, o) => {
        const device = { ...registered, calibration: { pm25: { gain: 1.1, offset: o }, humidity: { gain: 1.3, offset: o } } };
        const readings: NormalizedReading[] = generated.map(({ device: deviceId, ts, ...m }) => ({
          readingId: `${deviceId}@${ts}`,
          deviceId,
          ts,
          measurements: Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)),
          quality: [],
        }));
        const { data } = await enrichBatch({ ...normalized, readings }, lookupOver(new InMemoryDeviceStore([device, retired])));
        const detail = { metadata: { ...ReadingsEnrichedV1.sample.detail.metadata }, data };
        return ReadingsEnrichedV1.validate(detail).ok && data.readings.map((r) => r.readingId).join() === readings.map((r) => r.readingId).join();
      }),
      { numRuns: 100 },
    );
  });
});
