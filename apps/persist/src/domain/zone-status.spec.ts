import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { isNewer, latestZoneStatuses } from './zone-status';

describe('latestZoneStatuses', () => {
  it('keeps one status per zone, from its newest reading wherever it sits in the batch', () => {
    // Prepare
    const readings = [
      enrichedReading({ deviceId: 'a', ts: T0 + 2000, zoneId: 'north', aqi: 80, category: 'Moderate' }),
      enrichedReading({ deviceId: 'b', ts: T0 + 5000, zoneId: 'north', aqi: 160, category: 'Unhealthy', dominant: 'o3' }),
      enrichedReading({ deviceId: 'c', ts: T0 + 1000, zoneId: 'north', aqi: 20 }),
      enrichedReading({ deviceId: 'd', ts: T0, zoneId: 'south', aqi: 30 }),
    ];

    // Act
    const statuses = latestZoneStatuses('city-lyon', readings, T0 + 9000);

    // Assess
    expect(statuses).toEqual([
      { fleetId: 'city-lyon', zoneId: 'north', aqi: 160, category: 'Unhealthy', dominant: 'o3', updatedAt: T0 + 5000, readingId: `b@${T0 + 5000}`, deviceId: 'b', storedAt: T0 + 9000 },
      expect.objectContaining({ zoneId: 'south', aqi: 30, updatedAt: T0 }),
    ]);
  });

  it('ignores readings without a zone or without an AQI', () => {
    // Prepare
    const readings = [enrichedReading({ zoneId: null }), enrichedReading({ zoneId: 'north', aqi: null })];

    // Act / Assess
    expect(latestZoneStatuses('city-lyon', readings, T0)).toEqual([]);
  });

  it('breaks equal timestamps by readingId, so every writer picks the same winner', () => {
    // Prepare
    const a = { updatedAt: T0, readingId: `a@${T0}` };
    const b = { updatedAt: T0, readingId: `b@${T0}` };

    // Act / Assess
    expect(isNewer(b, a)).toBe(true);
    expect(isNewer(a, b)).toBe(false);
    expect(isNewer(a, a)).toBe(false);
    expect(isNewer({ updatedAt: T0 + 1, readingId: 'a@1' }, b)).toBe(true);
  });
});
