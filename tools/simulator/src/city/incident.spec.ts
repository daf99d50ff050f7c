import type { Reading } from '@pulse/schemas';
import { createCity } from './create-city';
import { readingsAt } from './readings-at';
import { incidentWindow, scenario } from './scenario';

/** US EPA PM2.5 (24-h, 2024) breakpoints: concentration µg/m³ → AQI, linear in each band. */
const PM25_BANDS = [
  [0, 9.0, 0, 50],
  [9.1, 35.4, 51, 100],
  [35.5, 55.4, 101, 150],
  [55.5, 125.4, 151, 200],
  [125.5, 225.4, 201, 300],
  [225.5, 325.4, 301, 500],
] as const;

function pm25Aqi(concentration: number): number {
  const c = Math.floor(concentration * 10) / 10;
  const band = PM25_BANDS.find(([, high]) => c <= high) ?? PM25_BANDS[PM25_BANDS.length - 1];
  const [cLow, cHigh, iLow, iHigh] = band;
  return Math.round(((iHigh - iLow) / (cHigh - cLow)) * (Math.min(c, cHigh) - cLow) + iLow);
}

const START = Date.UTC(2026, 5, 1, 12, 0);

describe('incident scenario', () => {
  it('helper: the EPA breakpoints give AQI 151 from 55.5 µg/m³', () => {
    // Act / Assess
    expect(pm25Aqi(55.4)).toBe(150);
    expect(pm25Aqi(55.5)).toBe(151);
    expect(pm25Aqi(12)).toBeLessThan(101);
  });

  it('exposes a window in one zone starting shortly after the start', () => {
    // Prepare
    const city = createCity({ seed: 42 });

    // Act
    const window = incidentWindow(city, scenario('incident', START));

    // Assess
    expect(window).toBeDefined();
    expect(city.zones.map((z) => z.zoneId)).toContain(window!.zoneId);
    expect(window!.startMs - START).toBeGreaterThan(0);
    expect(window!.startMs - START).toBeLessThanOrEqual(5 * 60_000);
    // Long enough for 3 readings in 5 min to raise, then a return to baseline.
    expect(window!.endMs - window!.startMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(incidentWindow(city, scenario('calm', START))).toBeUndefined();
  });

  it('crosses AQI 151 only in the incident zone and only inside the window', () => {
    // Prepare
    const city = createCity({ seed: 42 });
    const run = scenario('incident', START);
    const window = incidentWindow(city, run)!;
    const zoneOf = new Map(city.devices.map((d) => [d.deviceId, d.zoneId]));

    // Act: every minute of the first 40 (the window ends at 24)
    const minutes = Array.from({ length: 40 }, (_, m) => START + m * 60_000);
    const readings = minutes.flatMap((t) => readingsAt(city, t, run)).filter((r) => r.kind === 'valid' || r.kind === 'duplicate');
    const aqiOf = (body: unknown) => pm25Aqi((body as Reading).measurements.pm25!);

    // Assess
    const high = readings.filter((r) => aqiOf(r.body) >= 151);
    const outside = high.filter((r) => {
      const t = (r.body as Reading).timestamp as number;
      return zoneOf.get(r.deviceId) !== window.zoneId || t < window.startMs || t >= window.endMs;
    });
    expect(high.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    const inZoneInside = readings.filter((r) => {
      const t = (r.body as Reading).timestamp as number;
      return zoneOf.get(r.deviceId) === window.zoneId && t >= window.startMs && t < window.endMs;
    });
    expect(inZoneInside.length).toBeGreaterThan(100);
    expect(inZoneInside.every((r) => aqiOf(r.body) >= 151)).toBe(true);
    // After the window the zone is back to baseline: no reading even at AQI 101.
    const after = readings.filter((r) => zoneOf.get(r.deviceId) === window.zoneId && ((r.body as Reading).timestamp as number) >= window.endMs);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => aqiOf(r.body) < 101)).toBe(true);
  });
});
