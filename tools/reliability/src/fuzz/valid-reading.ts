import fc from 'fast-check';
import { GAS_UNITS, isoDateTimeToEpochMs, POLLUTANTS, readingId, TEMPERATURE_UNITS } from '@pulse/schemas';
import { objectText, quoted, type Members, type Piece } from './json-text';

/** What the generators need of the runtime under test. */
export interface FuzzContext {
  /** Devices registered to the fleet whose key sends: a valid reading of one of them is accepted. */
  readonly deviceIds: readonly string[];
  /** The pipeline clock (ingest checks timestamps against it). */
  readonly now: () => number;
}

/** A reading as members, measurements apart so that defects can reach inside them. */
export interface ReadingParts {
  readonly top: Members;
  readonly measurements: Members;
}

/** Values ingest must accept as numbers: `-0`, an underflow to 0, exponents, trailing zeros. */
const EDGE_ZEROES = ['0', '-0', '0.0', '1e-400', '0e0', '-0.0E+2'] as const;

/**
 * Finite values within what every later hop can carry. Larger magnitudes than 2^53 and
 * non-zero values under 1e-130 are accepted by ingest but cannot be stored (see the README's
 * findings), so readings meant to be accepted stay within these bounds.
 */
const rounded = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((value) => JSON.stringify(Math.round(value * 1e6) / 1e6));

const concentration = fc.oneof(
  rounded(0, 5_000),
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.constantFrom(...EDGE_ZEROES, '1E2', '12.5e0', '3.0'),
);
const temperature = fc.oneof(rounded(-60, 70), fc.constantFrom(...EDGE_ZEROES));
const humidity = fc.oneof(rounded(0, 100), fc.constantFrom(...EDGE_ZEROES, '100', '1E2'));

const measurementValue: Record<string, fc.Arbitrary<string>> = {
  ...Object.fromEntries(POLLUTANTS.map((pollutant) => [pollutant, concentration])),
  temperature,
  humidity,
};

const measurements: fc.Arbitrary<Members> = fc
  .subarray(Object.entries(measurementValue), { minLength: 1 })
  .chain((entries) => fc.tuple(...entries.map(([key, value]) => value.map((text) => [quoted(key), text] as const))));

const units: fc.Arbitrary<Piece> = fc
  .record(
    {
      temperature: fc.constantFrom(...TEMPERATURE_UNITS),
      o3: fc.constantFrom(...GAS_UNITS),
      no2: fc.constantFrom(...GAS_UNITS),
      co: fc.constantFrom(...GAS_UNITS),
      so2: fc.constantFrom(...GAS_UNITS),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

/** A timestamp well inside ingest's window: up to a day old or a minute ahead, ISO or epoch ms. */
export function timestampWithin(now: () => number): fc.Arbitrary<string> {
  return fc
    .record({ offsetMs: fc.integer({ min: -60_000, max: 24 * 3_600_000 }), iso: fc.boolean() })
    .map(({ offsetMs, iso }) => {
      const at = now() - offsetMs;
      return iso ? quoted(new Date(at).toISOString()) : String(at);
    });
}

/** A reading that passes every check of ingest's door for one of `deviceIds`. */
export function validReading(context: FuzzContext, deviceIds: readonly string[] = context.deviceIds): fc.Arbitrary<ReadingParts> {
  return fc
    .record({
      deviceId: fc.constantFrom(...deviceIds),
      timestamp: timestampWithin(context.now),
      measurements,
      units: fc.option(units, { nil: undefined }),
      sequence: fc.option(fc.nat(), { nil: undefined }),
    })
    .map(({ deviceId, timestamp, measurements: values, units: declared, sequence }) => ({
      top: [
        [quoted('deviceId'), quoted(deviceId)],
        [quoted('timestamp'), timestamp],
        ...(declared === undefined ? [] : [[quoted('units'), declared] as const]),
        ...(sequence === undefined ? [] : [[quoted('sequence'), String(sequence)] as const]),
      ],
      measurements: values,
    }));
}

/** The reading's JSON text; `measurements` replaced by a piece, or left out with `null`. */
export function readingText(parts: ReadingParts, measurementsOverride?: Piece | null): Buffer {
  if (measurementsOverride === null) return objectText(parts.top);
  return objectText([...parts.top, [quoted('measurements'), measurementsOverride ?? objectText(parts.measurements)]]);
}

/** The id ingest gives a valid reading: `<deviceId>@<epoch ms>`. */
export function readingIdOf(text: Buffer): string {
  const { deviceId, timestamp } = JSON.parse(text.toString('utf8')) as { deviceId: string; timestamp: string | number };
  const epochMs = typeof timestamp === 'number' ? timestamp : isoDateTimeToEpochMs(timestamp);
  if (epochMs === undefined) throw new Error(`not a valid reading: ${text.toString('utf8')}`);
  return readingId(deviceId, epochMs);
}
