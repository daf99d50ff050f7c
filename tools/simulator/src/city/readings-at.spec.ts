import { validateReading, type Reading } from '@pulse/schemas';
import { createCity } from './create-city';
import { readingsAt, type SimReading } from './readings-at';
import { scenario } from './scenario';

const START = Date.UTC(2026, 5, 1, 0, 0);
const HOUR = 3_600_000;

let calmDay: SimReading[] | undefined;

/** A simulated calm day, every 3 hours, for one city: 8 × 501 readings (built once). */
function day(): SimReading[] {
  const city = createCity({ zones: 20, devices: 500, seed: 42 });
  const run = scenario('calm', START);
  return (calmDay ??= Array.from({ length: 8 }, (_, h) => readingsAt(city, START + h * 3 * HOUR, run)).flat());
}

/** Back to canonical units, as transform will do, to check plausibility. */
function canonical(reading: Reading): Required<Reading['measurements']> {
  const m = reading.measurements as Required<Reading['measurements']>;
  const u = reading.units ?? {};
  const gas = (name: 'o3' | 'no2' | 'so2', mass: number) =>
    u[name] === 'ppm' ? m[name] * 1000 : u[name] === 'ugm3' ? (m[name] * 24.45) / mass : m[name];
  return {
    ...m,
    o3: gas('o3', 48),
    no2: gas('no2', 46.01),
    so2: gas('so2', 64.07),
    co: u.co === 'ugm3' ? (m.co * 24.45) / 28.01 / 1000 : m.co,
    temperature: u.temperature === 'F' ? ((m.temperature - 32) * 5) / 9 : m.temperature,
  };
}

describe('readingsAt', () => {
  it('is a pure function of city, time and scenario', () => {
    // Prepare
    const city = createCity({ seed: 42 });
    const run = scenario('incident', START);

    // Act / Assess
    expect(readingsAt(city, START + 7 * 60_000, run)).toEqual(readingsAt(city, START + 7 * 60_000, run));
  });

  it('sends only readings that pass the public Reading rules, except the malformed ones', () => {
    // Prepare / Act
    const readings = day();

    // Assess
    const nonMalformed = readings.filter((r) => r.kind !== 'malformed');
    const failures = nonMalformed.map((r) => validateReading(r.body)).filter((result) => !result.ok);
    expect(failures).toEqual([]);
    const malformed = readings.filter((x) => x.kind === 'malformed');
    expect(malformed.length).toBeGreaterThan(0);
    expect(malformed.filter((r) => validateReading(r.body).ok)).toEqual([]);
  });

  it('keeps calm values within plausible ranges (canonical units)', () => {
    // Prepare / Act
    const values = day()
      .filter((r) => r.kind === 'valid')
      .map((r) => canonical(r.body as Reading));

    // Assess
    const range = (key: keyof (typeof values)[number]) => [Math.min(...values.map((v) => v[key])), Math.max(...values.map((v) => v[key]))];
    const mean = (key: keyof (typeof values)[number]) => values.reduce((s, v) => s + v[key], 0) / values.length;
    expect(mean('pm25')).toBeGreaterThan(8);
    expect(mean('pm25')).toBeLessThan(15);
    expect(range('pm25')[1]).toBeLessThan(35.5); // never AQI ≥ 101 without an incident
    expect(range('pm10')[1]).toBeLessThan(155);
    expect(range('o3')[1]).toBeLessThan(71);
    expect(range('no2')[1]).toBeLessThan(101);
    expect(range('co')[1]).toBeLessThan(9.5);
    expect(range('so2')[1]).toBeLessThan(36);
    expect(range('temperature')[0]).toBeGreaterThan(-5);
    expect(range('temperature')[1]).toBeLessThan(30);
    expect(range('humidity')[0]).toBeGreaterThanOrEqual(0);
    expect(range('humidity')[1]).toBeLessThanOrEqual(100);
  });

  it('follows a daily ozone cycle peaking in the afternoon and NO2 rush hours', () => {
    // Prepare
    const city = createCity({ seed: 42 });
    const run = scenario('calm', START);
    const meanAt = (localHour: number, key: 'o3' | 'no2') => {
      // The city lies near 8.4° E: local solar time is about 34 minutes ahead of UTC.
      const at = START + localHour * HOUR - 34 * 60_000;
      const values = readingsAt(city, at, run).filter((r) => r.kind === 'valid').map((r) => canonical(r.body as Reading)[key]);
      return values.reduce((s, v) => s + v, 0) / values.length;
    };

    // Act / Assess
    expect(meanAt(15, 'o3')).toBeGreaterThan(meanAt(4, 'o3') * 1.8);
    expect(meanAt(15, 'o3')).toBeGreaterThan(meanAt(10, 'o3'));
    expect(meanAt(8, 'no2')).toBeGreaterThan(meanAt(13, 'no2') * 1.3);
    expect(meanAt(18, 'no2')).toBeGreaterThan(meanAt(3, 'no2') * 1.3);
  });

  it('injects faults at roughly the configured rates, duplicates resending an earlier readingId', () => {
    // Prepare
    const city = createCity({ seed: 42 });
    const run = scenario('calm', START, { faults: { malformed: 0.02, duplicate: 0.05 } });

    // Act
    const readings = Array.from({ length: 30 }, (_, m) => readingsAt(city, START + m * 60_000, run)).flat();

    // Assess
    const originals = readings.filter((r) => r.kind !== 'duplicate');
    const share = (kind: string) => readings.filter((r) => r.kind === kind).length / originals.length;
    expect(share('malformed')).toBeGreaterThan(0.015);
    expect(share('malformed')).toBeLessThan(0.025);
    expect(share('duplicate')).toBeGreaterThan(0.04);
    expect(share('duplicate')).toBeLessThan(0.06);
    const sentBefore = new Map(originals.map((r) => [r.readingId, r.body]));
    const duplicates = readings.filter((r) => r.kind === 'duplicate');
    expect(duplicates.filter((dup) => JSON.stringify(dup.body) !== JSON.stringify(sentBefore.get(dup.readingId)))).toEqual([]);
    const kinds = new Set(readings.filter((r) => r.kind === 'malformed').map((r) => r.malformed));
    expect(kinds).toEqual(new Set(['negativeValue', 'humidityOutOfRange', 'unknownField']));
    expect(new Set(readings.filter((r) => r.kind === 'unregistered').map((r) => r.deviceId))).toEqual(new Set(['sensor-0501']));
  });

  it('sends no faults when the rates are zero', () => {
    // Prepare
    const city = createCity({ devices: 50, zones: 5, seed: 1 });
    const run = scenario('calm', START, { faults: { malformed: 0, duplicate: 0 } });

    // Act
    const kinds = new Set(Array.from({ length: 30 }, (_, m) => readingsAt(city, START + m * 60_000, run)).flat().map((r) => r.kind));

    // Assess
    expect(kinds).toEqual(new Set(['valid', 'unregistered']));
  });
});
