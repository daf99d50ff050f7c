import type { Measurements } from '@pulse/schemas';
import { batchFlags } from './batch-flags';
import type { CanonicalReading } from './normalize-reading';

const T0 = 1_714_564_800_000;
const MINUTE = 60_000;

const at = (deviceId: string, minute: number, measurements: Measurements, sequence?: number): CanonicalReading => ({
  readingId: `${deviceId}@${T0 + minute * MINUTE}`,
  deviceId,
  ts: T0 + minute * MINUTE,
  measurements,
  ...(sequence !== undefined ? { sequence } : {}),
});

describe('batchFlags: sudden-jump', () => {
  it('flags the later reading when a change exceeds noise + rate × minutes', () => {
    // Prepare: PM2.5 allows 50 + 50/min; +120 in one minute is too fast, +90 is not
    const readings = [at('a', 0, { pm25: 10 }), at('a', 1, { pm25: 130 }), at('a', 2, { pm25: 220 })];

    // Act
    const flags = batchFlags(readings);

    // Assess
    expect([...flags.entries()]).toEqual([[1, ['sudden-jump']]]);
  });

  it('allows the same change over a longer interval', () => {
    // Prepare: +120 µg/m³ over 2 minutes is within 50 + 100
    const readings = [at('a', 0, { pm25: 10 }), at('a', 2, { pm25: 130 })];

    // Act / Assess
    expect(batchFlags(readings).size).toBe(0);
  });

  it('compares readings in time order, whatever their order in the batch', () => {
    // Prepare: temperature allows 3 + 1/min; the batch arrives newest first
    const readings = [at('a', 1, { temperature: 30 }), at('a', 0, { temperature: 18 })];

    // Act
    const flags = batchFlags(readings);

    // Assess
    expect(flags.get(0)).toEqual(['sudden-jump']);
    expect(flags.has(1)).toBe(false);
  });

  it('compares only a device with itself and only measurements both readings carry', () => {
    // Prepare
    const readings = [at('a', 0, { pm25: 10, humidity: 40 }), at('b', 1, { pm25: 500 }), at('a', 1, { pm10: 900, humidity: 44 })];

    // Act / Assess
    expect(batchFlags(readings).size).toBe(0);
  });

  it('flags both the spike and the return of a one-reading glitch (each differs from its predecessor)', () => {
    // Prepare
    const readings = [at('a', 0, { co: 0.4 }), at('a', 1, { co: 40 }), at('a', 2, { co: 0.5 })];

    // Act
    const flags = batchFlags(readings);

    // Assess
    expect([...flags.keys()].sort()).toEqual([1, 2]);
  });
});

describe('batchFlags: duplicate-sequence', () => {
  it('keeps and flags every reading of one device that repeats a sequence at another time', () => {
    // Prepare
    const readings = [at('a', 0, { pm25: 10 }, 7), at('a', 1, { pm25: 11 }, 8), at('a', 2, { pm25: 12 }, 7), at('b', 3, { pm25: 12 }, 7)];

    // Act
    const flags = batchFlags(readings);

    // Assess
    expect([...flags.entries()].sort()).toEqual([
      [0, ['duplicate-sequence']],
      [2, ['duplicate-sequence']],
    ]);
  });

  it('ignores readings without a sequence', () => {
    // Prepare
    const readings = [at('a', 0, { pm25: 10 }), at('a', 1, { pm25: 11 })];

    // Act / Assess
    expect(batchFlags(readings).size).toBe(0);
  });
});
