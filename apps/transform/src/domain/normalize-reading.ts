import { MEASUREMENT_KEYS, timestampToEpochMs, type Measurements, type ReceivedReading } from '@pulse/schemas';
import { InvalidBatchError } from './invalid-batch-error';
import { roundSignificant } from './significant-digits';
import { CANONICAL_GAS_UNITS, GASES, convertGas, fahrenheitToCelsius, type Gas } from './unit-conversion';

/** A reading in canonical units and epoch-ms time, before quality flags. */
export interface CanonicalReading {
  readonly readingId: string;
  readonly deviceId: string;
  readonly ts: number;
  readonly measurements: Measurements;
  /** Kept only to find duplicate sequences within the batch; not emitted. */
  readonly sequence?: number;
}

const IS_GAS: ReadonlySet<string> = new Set(GASES);

/**
 * Time to epoch ms UTC, units to canonical. A measurement without a declared unit is taken
 * to be in its canonical unit already; values already canonical pass through untouched.
 */
export function normalizeReading(reading: ReceivedReading): CanonicalReading {
  const ts = timestampToEpochMs(reading.timestamp);
  if (ts === undefined) throw new InvalidBatchError(`reading ${reading.readingId}: timestamp ${JSON.stringify(reading.timestamp)} is not a date-time`);
  if (reading.readingId !== `${reading.deviceId}@${ts}`) {
    throw new InvalidBatchError(`reading ${reading.readingId}: readingId is not <deviceId>@<ts> (${reading.deviceId}@${ts})`);
  }
  const measurements: Measurements = {};
  for (const key of MEASUREMENT_KEYS) {
    const value = reading.measurements[key];
    if (value !== undefined) measurements[key] = canonicalValue(key, value, reading.units);
  }
  return {
    readingId: reading.readingId,
    deviceId: reading.deviceId,
    ts,
    measurements,
    ...(reading.sequence !== undefined ? { sequence: reading.sequence } : {}),
  };
}

function canonicalValue(key: string, value: number, units: ReceivedReading['units']): number {
  if (key === 'temperature') {
    return units?.temperature === 'F' ? roundSignificant(fahrenheitToCelsius(value)) : value;
  }
  if (!IS_GAS.has(key)) return value;
  const gas = key as Gas;
  const declared = units?.[gas] ?? CANONICAL_GAS_UNITS[gas];
  if (declared === CANONICAL_GAS_UNITS[gas]) return value;
  // ppm → ppb multiplies by 1000 and may overflow a finite input; the largest finite value
  // keeps the event valid and is flagged beyond-sensor-range like any huge value.
  return roundSignificant(Math.min(convertGas(value, declared, CANONICAL_GAS_UNITS[gas], gas), Number.MAX_VALUE));
}
