import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { expiresAtFor, retentionFloor, toReadingItem } from './reading-item';
import { fromReadingItem } from './stored-reading';

const stamps = { receivedAt: T0 + 100, storedAt: T0 + 300, retentionDays: 30 };

describe('reading items', () => {
  it('key a reading by fleet and device, ts, and its zone for the zone index', () => {
    // Act
    const item = toReadingItem('city-lyon', enrichedReading({ deviceId: 'sensor-7', zoneId: 'presquile' }), stamps);

    // Assess
    expect(item).toMatchObject({ pk: 'city-lyon#sensor-7', ts: T0, zoneKey: 'city-lyon#presquile', receivedAt: T0 + 100, storedAt: T0 + 300 });
    expect(item).not.toHaveProperty('readingId');
  });

  it('leave a reading without a zone out of the zone index (no zoneKey at all)', () => {
    // Act
    const item = toReadingItem('city-lyon', enrichedReading({ zoneId: null }), stamps);

    // Assess
    expect(Object.keys(item)).not.toContain('zoneKey');
  });

  it('expire retention days after the reading’s own time, in epoch seconds', () => {
    // Act / Assess
    expect(expiresAtFor(T0, 30)).toBe(T0 / 1000 + 30 * 86_400);
    expect(retentionFloor(T0, 30)).toBe(T0 - 30 * 86_400_000);
    expect(retentionFloor(1000, 30)).toBe(0);
  });

  it('round-trip to the enriched reading the API returns', () => {
    // Prepare
    const readings = [enrichedReading({ deviceId: 'sensor-7' }), enrichedReading({ deviceId: 'sensor-8', zoneId: null, aqi: null })];

    // Act
    const back = readings.map((r) => fromReadingItem(toReadingItem('city-lyon', r, stamps)));

    // Assess
    expect(back).toEqual(readings.map((r) => ({ ...r, receivedAt: T0 + 100, storedAt: T0 + 300 })));
  });
});
