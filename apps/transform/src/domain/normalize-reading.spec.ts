import type { ReceivedReading } from '@pulse/schemas';
import { InvalidBatchError } from './invalid-batch-error';
import { normalizeReading } from './normalize-reading';

const T0 = 1_714_564_800_000; // 2024-05-01T12:00:00Z

const received = (overrides: Partial<ReceivedReading> = {}): ReceivedReading => ({
  readingId: `s-1@${T0}`,
  deviceId: 's-1',
  timestamp: T0,
  measurements: { pm25: 12.4 },
  ...overrides,
});

describe('normalizeReading', () => {
  it('turns an RFC 3339 timestamp with an offset into epoch ms UTC', () => {
    // Prepare: 14:00 at +02:00 is 12:00 UTC
    const reading = received({ timestamp: '2024-05-01T14:00:00.000+02:00' });

    // Act
    const normalized = normalizeReading(reading);

    // Assess
    expect(normalized.ts).toBe(T0);
  });

  it('converts declared units to the canonical ones', () => {
    // Prepare
    const reading = received({
      measurements: { o3: 0.041, no2: 100, co: 1146, so2: 4, temperature: 65.3, humidity: 54, pm10: 20.1 },
      units: { o3: 'ppm', no2: 'ugm3', co: 'ugm3', so2: 'ppb', temperature: 'F' },
    });

    // Act
    const { measurements } = normalizeReading(reading);

    // Assess
    expect(measurements).toEqual({ o3: 41, no2: 53.1406, co: 1.00035, so2: 4, temperature: 18.5, humidity: 54, pm10: 20.1 });
  });

  it('takes a measurement without a declared unit to be canonical already, and leaves its value untouched', () => {
    // Prepare
    const reading = received({ measurements: { o3: 41.123456789, co: 0.4, temperature: 18.123456789 }, units: {} });

    // Act
    const { measurements } = normalizeReading(reading);

    // Assess
    expect(measurements).toEqual({ o3: 41.123456789, co: 0.4, temperature: 18.123456789 });
  });

  it('keeps the sequence for the batch checks and drops the units', () => {
    // Prepare
    const reading = received({ sequence: 7, units: { temperature: 'C' }, measurements: { temperature: 20 } });

    // Act
    const normalized = normalizeReading(reading);

    // Assess
    expect(normalized).toEqual({ readingId: `s-1@${T0}`, deviceId: 's-1', ts: T0, measurements: { temperature: 20 }, sequence: 7 });
  });

  it('clamps a conversion that overflows to the largest finite number instead of emitting an invalid event', () => {
    // Prepare
    const reading = received({ measurements: { o3: 1e306 }, units: { o3: 'ppm' } });

    // Act
    const { measurements } = normalizeReading(reading);

    // Assess
    expect(Number.isFinite(measurements.o3)).toBe(true);
    expect(measurements.o3).toBeGreaterThan(1e307);
  });

  it('refuses a readingId that is not <deviceId>@<ts>', () => {
    // Prepare
    const reading = received({ readingId: `s-1@${T0 + 1}` });

    // Act
    const act = () => normalizeReading(reading);

    // Assess
    expect(act).toThrow(InvalidBatchError);
    expect(act).toThrow(/readingId is not <deviceId>@<ts>/);
  });

  it('refuses a timestamp that is not a date-time', () => {
    // Prepare
    const reading = received({ timestamp: '2024-02-30T00:00:00Z' });

    // Act / Assess
    expect(() => normalizeReading(reading)).toThrow(/is not a date-time/);
  });
});
