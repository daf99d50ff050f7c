import { fixedClock } from '@pulse/service-kit';
import { enrichedBatch, enrichedReading, enrichedReadings, T0 } from '../__fixtures__/enriched-readings';
import { inMemoryReadings, inMemoryZoneStatus } from '../__fixtures__/in-memory-tables';
import { storeBatch } from './store-batch';

function setup() {
  const readings = inMemoryReadings();
  const zones = inMemoryZoneStatus();
  const ports = { readings: readings.writer, zoneStatus: zones.writer, clock: fixedClock(T0 + 5_000) };
  return { readings, zones, ports };
}

describe('storeBatch', () => {
  it('stores a full batch of 200 in 8 calls and reports what ReadingsStored carries', async () => {
    // Prepare
    const { readings, zones, ports } = setup();
    const batch = enrichedBatch(enrichedReadings(200, 20, 5));

    // Act
    const outcome = await storeBatch(batch, ports, 30);

    // Assess
    expect(readings.calls).toEqual([25, 25, 25, 25, 25, 25, 25, 25]);
    expect(readings.items.size).toBe(200);
    expect(zones.statuses.size).toBe(5);
    expect(outcome.stored).toEqual({
      fleetId: 'city-lyon',
      receivedAt: batch.receivedAt,
      storedAt: T0 + 5_000,
      count: 200,
      readingIds: batch.readings.map((r) => r.readingId),
      zoneIds: ['zone-0', 'zone-1', 'zone-2', 'zone-3', 'zone-4'],
    });
    expect(outcome).toMatchObject({ zonesUpdated: 5, zonesSkipped: 0 });
  });

  it('stores a reading repeated in one batch once, in one call (a duplicate key would be rejected)', async () => {
    // Prepare
    const { readings, ports } = setup();
    const batch = enrichedBatch([enrichedReading({ aqi: 50 }), enrichedReading({ deviceId: 'other' }), enrichedReading({ aqi: 51 })]);

    // Act
    const outcome = await storeBatch(batch, ports, 30);

    // Assess
    expect(readings.calls).toEqual([2]);
    expect(outcome.stored.count).toBe(2);
    expect(outcome.stored.readingIds).toEqual([`other@${T0}`, `sensor-0042@${T0}`]);
    expect(readings.items.get(`city-lyon#sensor-0042|${T0}`)?.aqi?.value).toBe(51);
  });

  it('is idempotent: storing the same batch twice leaves the same items and statuses', async () => {
    // Prepare
    const { readings, zones, ports } = setup();
    const batch = enrichedBatch(enrichedReadings(30));
    await storeBatch(batch, ports, 30);
    const first = new Map(readings.items);

    // Act
    const again = await storeBatch(batch, ports, 30);

    // Assess
    expect(readings.items).toEqual(first);
    expect(again).toMatchObject({ zonesUpdated: 0, zonesSkipped: 5 });
    expect(zones.statuses.size).toBe(5);
  });

  it('never lets an older batch overwrite a newer zone status', async () => {
    // Prepare
    const { zones, ports } = setup();
    await storeBatch(enrichedBatch([enrichedReading({ ts: T0 + 60_000, aqi: 120, category: 'Unhealthy for Sensitive Groups' })]), ports, 30);

    // Act
    const late = await storeBatch(enrichedBatch([enrichedReading({ deviceId: 'late', ts: T0, aqi: 20, category: 'Good' })]), ports, 30);

    // Assess
    expect(late.zonesSkipped).toBe(1);
    expect(zones.statuses.get('city-lyon|presquile')).toMatchObject({ aqi: 120, updatedAt: T0 + 60_000 });
  });

  it('rejects when the readings write fails, the status maybe ahead, and the redelivery stores the readings', async () => {
    // Prepare
    const { readings, zones, ports } = setup();
    const failing = { ...ports, readings: { putAll: async () => Promise.reject(new Error('unavailable')) } };
    const batch = enrichedBatch([enrichedReading({ aqi: 160, category: 'Unhealthy' })]);

    // Act
    await expect(storeBatch(batch, failing, 30)).rejects.toThrow('unavailable');
    const ahead = { readings: readings.items.size, statuses: zones.statuses.size };
    const redelivered = await storeBatch(batch, ports, 30);

    // Assess: the status landed beside the failed write; the redelivery stores the reading and finds its status already there.
    expect(ahead).toEqual({ readings: 0, statuses: 1 });
    expect(readings.items.size).toBe(1);
    expect(redelivered).toMatchObject({ zonesUpdated: 0, zonesSkipped: 1, stored: { count: 1, zoneIds: ['presquile'] } });
    expect(zones.statuses.get('city-lyon|presquile')).toMatchObject({ aqi: 160, readingId: `sensor-0042@${T0}` });
  });

  it('rejects only once every write of the batch has finished', async () => {
    // Prepare
    const { ports } = setup();
    let releaseStatus: (written: boolean) => void = () => undefined;
    const slowStatus = new Promise<boolean>((resolve) => (releaseStatus = resolve));
    const failing = { ...ports, readings: { putAll: async () => Promise.reject(new Error('unavailable')) }, zoneStatus: { putIfNewer: () => slowStatus } };
    let settled = false;

    // Act
    const outcome = storeBatch(enrichedBatch([enrichedReading()]), failing, 30).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    const settledBeforeStatus = settled;
    releaseStatus(true);

    // Assess
    await expect(outcome).rejects.toThrow('unavailable');
    expect(settledBeforeStatus).toBe(false);
  });

  it('rejects when a zone status write fails, after the readings are stored', async () => {
    // Prepare
    const { readings, ports } = setup();
    const failing = { ...ports, zoneStatus: { putIfNewer: async () => Promise.reject(new Error('throttled')) } };

    // Act
    const outcome = storeBatch(enrichedBatch(enrichedReadings(30)), failing, 30);

    // Assess
    await expect(outcome).rejects.toThrow('throttled');
    expect(readings.items.size).toBe(30);
  });
});
