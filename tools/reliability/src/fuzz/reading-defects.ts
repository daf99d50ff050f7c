import fc from 'fast-check';
import { DEVICE_ID_PATTERN, FORBIDDEN_KEYS, GAS_UNITS, MAX_EPOCH_MS, MEASUREMENT_KEYS, POLLUTANTS, TEMPERATURE_UNITS, formatPath, isIsoDateTime } from '@pulse/schemas';
import { bytes, decodedText, deeplyNested, objectText, quoted, withMember, withoutMember, type Piece } from './json-text';
import { anyJsonText, invalidUtf8, jsonOfTypes, nonIntegerText, NOT_JSON_TOKENS, unknownKey } from './json-values';
import { readingText, validReading, type FuzzContext, type ReadingParts } from './valid-reading';

/**
 * Where a defect is caught: `schema` per reading (the others are still judged), `forbiddenKey`
 * and `syntax` while the body is parsed (the whole body is refused).
 */
export type DefectLevel = 'schema' | 'forbiddenKey' | 'syntax';

export interface ReadingDefect {
  /** Names the case in the fuzz counts and in failure messages. */
  readonly name: string;
  readonly level: DefectLevel;
  /** The field at fault, relative to the reading and formatted as Pulse formats paths ('' = the reading). */
  readonly path: string;
  /** The answer must blame `path` with one of these rules. */
  readonly rules: readonly string[];
}

export interface DefectiveReading {
  readonly text: Buffer;
  readonly defect: ReadingDefect;
  /** The reading is itself a JSON array (a one-reading body would be read as the list). */
  readonly isArray: boolean;
}

type Apply = (parts: ReadingParts) => DefectiveReading;

const TOP_KEYS = ['deviceId', 'timestamp', 'measurements', 'units', 'sequence'];
const UNIT_KEYS = ['temperature', 'o3', 'no2', 'co', 'so2'];
const UNIT_VALUES: readonly string[] = [...TEMPERATURE_UNITS, ...GAS_UNITS];
const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);
const DAY_MS = 86_400_000;

const schemaDefect = (name: string, path: string, rules: readonly string[]): ReadingDefect => ({ name, level: 'schema', path, rules });
const reading = (text: Buffer, defect: ReadingDefect, isArray = false): DefectiveReading => ({ text, defect, isArray });

const setTop = (key: string, value: Piece, defect: ReadingDefect): Apply => (parts) =>
  reading(readingText({ ...parts, top: withMember(parts.top, key, value) }), defect);
const setMeasurement = (key: string, value: Piece, defect: ReadingDefect): Apply => (parts) =>
  reading(readingText({ ...parts, measurements: withMember(parts.measurements, key, value) }), defect);
const setMeasurements = (value: Piece | null, defect: ReadingDefect): Apply => (parts) => reading(readingText(parts, value), defect);

const missingField: fc.Arbitrary<Apply> = fc.constantFrom('deviceId', 'timestamp', 'measurements').map((field) => {
  const defect = schemaDefect(`missing ${field}`, field, ['required']);
  return field === 'measurements' ? setMeasurements(null, defect) : (parts: ReadingParts) => reading(readingText({ ...parts, top: withoutMember(parts.top, field) }), defect);
});

const unknownField: fc.Arbitrary<Apply> = fc
  .tuple(unknownKey(TOP_KEYS), anyJsonText)
  .map(([key, value]) => setTop(key, value, schemaDefect('unknown field', formatPath([key]), ['additionalProperties'])));

const deviceIdDefects: fc.Arbitrary<Apply> = fc.oneof(
  jsonOfTypes('number', 'boolean', 'null', 'array', 'object').map((value) => setTop('deviceId', value, schemaDefect('deviceId of another type', 'deviceId', ['type']))),
  fc
    .oneof(fc.string({ maxLength: 80, unit: 'grapheme' }), fc.constantFrom('', ' ', 'a b', '../etc/passwd', 'é', 'x'.repeat(65), 'dev\u0000ice', 'a/b', 'a.b', 'a@b'))
    .filter((id) => !DEVICE_ID.test(id))
    .map((id) => setTop('deviceId', quoted(id), schemaDefect('deviceId out of pattern', 'deviceId', ['pattern', 'minLength', 'maxLength']))),
  fc.integer({ min: 65, max: 100_000 }).map((length) => setTop('deviceId', quoted('d'.repeat(length)), schemaDefect('huge deviceId', 'deviceId', ['maxLength', 'pattern']))),
  fc
    .tuple(invalidUtf8, fc.stringMatching(/^[a-z0-9-]{0,8}$/))
    .map(([raw, prefix]) => setTop('deviceId', bytes(['"', prefix, raw, '"']), schemaDefect('deviceId with invalid UTF-8', 'deviceId', ['pattern', 'maxLength']))),
  // Duplicate keys: JSON.parse keeps the last one, so the second value is the one judged.
  jsonOfTypes('number', 'boolean', 'null').map((value): Apply => (parts) =>
    reading(readingText({ ...parts, top: [...parts.top, [quoted('deviceId'), value]] }), schemaDefect('duplicate deviceId key', 'deviceId', ['type'])),
  ),
);

function timestampDefects(now: () => number): fc.Arbitrary<Apply> {
  const at = (path: string, name: string, rules: readonly string[]) => schemaDefect(name, path, rules);
  return fc.oneof(
    fc
      .oneof(jsonOfTypes('boolean', 'null', 'array', 'object'), nonIntegerText, fc.constantFrom('1e400', '-1e400'))
      .map((value) => setTop('timestamp', value, at('timestamp', 'timestamp of another type', ['type']))),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }).map((value) => setTop('timestamp', String(value), at('timestamp', 'negative epoch', ['minimum']))),
    fc
      .oneof(fc.integer({ min: MAX_EPOCH_MS + 1, max: Number.MAX_SAFE_INTEGER }).map(String), fc.constantFrom('1e20', '1e300'))
      .map((value) => setTop('timestamp', value, at('timestamp', 'epoch past year 9999', ['maximum']))),
    fc
      .oneof(
        fc.string({ maxLength: 60, unit: 'grapheme' }).filter((text) => !isIsoDateTime(text)),
        fc.constantFrom(
          '2024-05-01T12:00:00',
          '2024-05-01',
          '2024-02-30T00:00:00Z',
          '2024-13-01T00:00:00Z',
          '2024-05-01T24:00:00Z',
          '2024-05-01 12:00:00Z',
          'yesterday',
          '',
          '1714564800000',
          '2024-05-01T12:00:00+25:00',
          '+010000-01-01T00:00:00Z',
          '2024-05-01T12:00:00.1234567890Z',
        ),
      )
      .map((text) => setTop('timestamp', quoted(text), at('timestamp', 'timestamp not a date-time', ['format', 'maxLength']))),
    fc
      .record({ iso: fc.boolean(), future: fc.boolean(), fraction: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ iso, future, fraction }): Apply => (parts) => {
        const nowMs = now();
        // Far enough outside the window (5 min ahead, 7 days back) that the clock moving cannot
        // bring it in. Not before 1970: an epoch-ms number cannot be negative, and pre-1970 ISO
        // times have their own test (src/pre-epoch-timestamp.spec.ts).
        const ms = future
          ? nowMs + 10 * 60_000 + Math.floor(fraction * (MAX_EPOCH_MS - nowMs - 10 * 60_000))
          : nowMs - 8 * DAY_MS - Math.floor(fraction * (nowMs - 8 * DAY_MS));
        const value = iso ? quoted(new Date(ms).toISOString()) : String(ms);
        return setTop('timestamp', value, at('timestamp', future ? 'timestamp far in the future' : 'timestamp far in the past', ['timestampWindow']))(parts);
      }),
    invalidUtf8.map((raw) => setTop('timestamp', bytes(['"2024-05-01T12:00', raw, ':00Z"']), at('timestamp', 'timestamp with invalid UTF-8', ['format', 'maxLength']))),
  );
}

const measurementKey = fc.constantFrom(...MEASUREMENT_KEYS);

const measurementDefects: fc.Arbitrary<Apply> = fc.oneof(
  jsonOfTypes('number', 'string', 'boolean', 'null', 'array').map((value) => setMeasurements(value, schemaDefect('measurements not an object', 'measurements', ['type']))),
  fc.constant(setMeasurements('{}', schemaDefect('no measurement', 'measurements', ['minProperties']))),
  fc
    .tuple(unknownKey([...MEASUREMENT_KEYS]), anyJsonText)
    .map(([key, value]) => setMeasurement(key, value, schemaDefect('unknown measurement', formatPath(['measurements', key]), ['additionalProperties']))),
  fc
    .tuple(
      fc.constantFrom(...POLLUTANTS),
      fc.oneof(
        fc.double({ min: -1e12, max: -1e-6, noNaN: true }).map((value) => JSON.stringify(value)),
        fc.integer({ min: -1e9, max: -1 }).map(String),
        fc.constantFrom('-1e300', '-0.000001', '-5E-3'),
      ),
    )
    .map(([key, value]) => setMeasurement(key, value, schemaDefect('negative concentration', formatPath(['measurements', key]), ['minimum']))),
  fc
    .oneof(
      fc.double({ min: -1e12, max: -1e-6, noNaN: true }).map((value) => [JSON.stringify(value), 'minimum'] as const),
      fc.double({ min: 100.001, max: 1e12, noNaN: true }).map((value) => [JSON.stringify(value), 'maximum'] as const),
    )
    .map(([value, rule]) => setMeasurement('humidity', value, schemaDefect('humidity outside 0–100', 'measurements.humidity', [rule]))),
  fc
    .tuple(measurementKey, fc.constantFrom('1e400', '-1e400', '1E999', '-2e308'))
    .map(([key, value]) => setMeasurement(key, value, schemaDefect('non-finite number', formatPath(['measurements', key]), ['type', 'minimum']))),
  fc
    .tuple(measurementKey, jsonOfTypes('string', 'boolean', 'null', 'array', 'object'))
    .map(([key, value]) => setMeasurement(key, value, schemaDefect('measurement of another type', formatPath(['measurements', key]), ['type']))),
  fc
    .tuple(measurementKey, fc.integer({ min: 2, max: 3_000 }), fc.constantFrom('array' as const, 'object' as const))
    .map(([key, depth, kind]) => setMeasurement(key, deeplyNested(depth, kind), schemaDefect('deeply nested measurement', formatPath(['measurements', key]), ['type']))),
  fc
    .tuple(measurementKey, invalidUtf8)
    .map(([key, raw]) => setMeasurement(key, bytes(['"12', raw, '"']), schemaDefect('measurement string with invalid UTF-8', formatPath(['measurements', key]), ['type']))),
);

const unitsDefects: fc.Arbitrary<Apply> = fc.oneof(
  jsonOfTypes('number', 'string', 'boolean', 'null', 'array').map((value) => setTop('units', value, schemaDefect('units not an object', 'units', ['type']))),
  fc
    .tuple(unknownKey(UNIT_KEYS), fc.constantFrom(...UNIT_VALUES))
    .map(([key, unit]) => setTop('units', JSON.stringify({ [key]: unit }), schemaDefect('unit for an unknown quantity', formatPath(['units', key]), ['additionalProperties']))),
  fc
    .tuple(fc.constantFrom(...UNIT_KEYS), fc.oneof(fc.string({ maxLength: 10 }).filter((unit) => !UNIT_VALUES.includes(unit)).map(quoted), jsonOfTypes('number', 'boolean', 'null')))
    .map(([key, value]) => setTop('units', objectText([[quoted(key), value]]), schemaDefect('unknown unit', formatPath(['units', key]), ['enum', 'type']))),
);

const sequenceDefects: fc.Arbitrary<Apply> = fc.oneof(
  jsonOfTypes('string', 'boolean', 'null', 'array', 'object').map((value) => setTop('sequence', value, schemaDefect('sequence of another type', 'sequence', ['type']))),
  // A fraction is not an integer; a negative one is also under the minimum, and both are named.
  nonIntegerText.map((value) => setTop('sequence', value, schemaDefect('fractional sequence', 'sequence', ['type', 'minimum']))),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }).map((value) => setTop('sequence', String(value), schemaDefect('negative sequence', 'sequence', ['minimum']))),
  fc.constantFrom('9007199254740993', '1e17', '1e300').map((value) => setTop('sequence', value, schemaDefect('sequence past 2^53', 'sequence', ['maximum']))),
);

const notAnObject: fc.Arbitrary<Apply> = fc
  .tuple(fc.constantFrom('number', 'string', 'boolean', 'null', 'array') as fc.Arbitrary<'number' | 'string' | 'boolean' | 'null' | 'array'>)
  .chain(([type]) => jsonOfTypes(type).map((value): Apply => () => reading(Buffer.from(value), schemaDefect('reading not an object', '', ['type']), type === 'array')));

const bigOrDeepUnknownField: fc.Arbitrary<Apply> = fc.oneof(
  fc.integer({ min: 10_000, max: 100_000 }).map((length) => setTop('note', quoted('n'.repeat(length)), schemaDefect('huge unknown field', 'note', ['additionalProperties']))),
  fc
    .tuple(fc.integer({ min: 2, max: 5_000 }), fc.constantFrom('array' as const, 'object' as const))
    .map(([depth, kind]) => setTop('nested', deeplyNested(depth, kind), schemaDefect('deeply nested unknown field', 'nested', ['additionalProperties']))),
  fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), invalidUtf8).map(([name, raw]): Apply => (parts) => {
    const key = bytes(['"', name, raw, '"']);
    const decoded = JSON.parse(decodedText(key)) as string;
    const path = formatPath([decoded]);
    return reading(readingText({ ...parts, top: [...parts.top, [key, '1']] }), schemaDefect('unknown field named in invalid UTF-8', path, ['additionalProperties']));
  }),
);

const forbiddenKeys: fc.Arbitrary<Apply> = fc
  .tuple(fc.constantFrom(...FORBIDDEN_KEYS), fc.constantFrom('reading', 'measurements', 'units', 'nested'), anyJsonText)
  .map(([key, where, value]): Apply => (parts) => {
    const member = [[quoted(key), value]] as const;
    const defect = (path: string): ReadingDefect => ({ name: `${key} key in ${where}`, level: 'forbiddenKey', path, rules: ['forbiddenKey'] });
    switch (where) {
      case 'reading':
        return reading(readingText({ ...parts, top: [...parts.top, ...member] }), defect(key));
      case 'measurements':
        return reading(readingText({ ...parts, measurements: [...parts.measurements, ...member] }), defect(formatPath(['measurements', key])));
      case 'units':
        return reading(readingText({ ...parts, top: withMember(parts.top, 'units', objectText(member)) }), defect(formatPath(['units', key])));
      default:
        return reading(readingText({ ...parts, top: withMember(parts.top, 'extra', objectText([[quoted('inner'), objectText(member)]])) }), defect(formatPath(['extra', 'inner', key])));
    }
  });

const syntaxErrors: fc.Arbitrary<Apply> = fc
  .tuple(fc.constantFrom(...NOT_JSON_TOKENS), fc.constantFrom('deviceId', 'timestamp', 'measurement'))
  .map(([token, where]): Apply => {
    const defect: ReadingDefect = { name: `not JSON (${token}) as ${where}`, level: 'syntax', path: '', rules: ['json'] };
    return where === 'measurement' ? setMeasurement('pm25', token, defect) : setTop(where, token, defect);
  });

const WEIGHTED_DEFECTS: ReadonlyArray<{ readonly level: DefectLevel; readonly weight: number; readonly arbitrary: (context: FuzzContext) => fc.Arbitrary<Apply> }> = [
  { level: 'schema', weight: 6, arbitrary: () => missingField },
  { level: 'schema', weight: 8, arbitrary: () => unknownField },
  { level: 'schema', weight: 12, arbitrary: () => deviceIdDefects },
  { level: 'schema', weight: 16, arbitrary: (context) => timestampDefects(context.now) },
  { level: 'schema', weight: 18, arbitrary: () => measurementDefects },
  { level: 'schema', weight: 5, arbitrary: () => unitsDefects },
  { level: 'schema', weight: 5, arbitrary: () => sequenceDefects },
  { level: 'schema', weight: 6, arbitrary: () => notAnObject },
  { level: 'schema', weight: 8, arbitrary: () => bigOrDeepUnknownField },
  { level: 'forbiddenKey', weight: 8, arbitrary: () => forbiddenKeys },
  { level: 'syntax', weight: 8, arbitrary: () => syntaxErrors },
];

/** A reading of one of the context's devices with exactly one defect, of one of these levels. */
export function defectiveReading(context: FuzzContext, levels: readonly DefectLevel[] = ['schema', 'forbiddenKey', 'syntax']): fc.Arbitrary<DefectiveReading> {
  const defects = WEIGHTED_DEFECTS.filter((entry) => levels.includes(entry.level)).map(({ weight, arbitrary }) => ({ weight, arbitrary: arbitrary(context) }));
  return fc.tuple(validReading(context), fc.oneof(...defects)).map(([parts, apply]) => apply(parts));
}
