import fc from 'fast-check';
import { MEASUREMENT_KEYS, POLLUTANTS } from '@pulse/schemas';
import { isMalformedJson } from './body-defects';
import { defectiveReading } from './reading-defects';
import { issueOf, type ChannelFuzzContext, type IssueAt } from './kinesis-records';
import { readingIdOf, readingText, timestampWithin, validReading, type FuzzContext } from './valid-reading';

/** ingest rejects longer NDJSON lines without reading them (apps/ingest/src/adapters/drop-records.ts). */
export const MAX_LINE_CHARS = 64 * 1024;

export interface DropExpectation {
  /** The ids of the valid lines' readings, one per valid line. */
  readonly accepted: readonly string[];
  /** Each rejected line (1-based, blank lines counted) and an issue its report entry must name. */
  readonly rejected: readonly { readonly line: number; readonly issue: IssueAt }[];
}

export interface FuzzDrop {
  readonly kind: string;
  readonly format: 'ndjson' | 'csv';
  readonly body: Buffer;
  readonly expected: DropExpectation;
}

type Line = { readonly text: string | Buffer; readonly accepted?: string; readonly issue?: IssueAt };

function fuzzDrop(kind: string, format: FuzzDrop['format'], lines: readonly Line[], crlf = false): FuzzDrop {
  const newline = crlf ? '\r\n' : '\n';
  const body = Buffer.concat(lines.flatMap((line, i) => [Buffer.from(i === 0 ? '' : newline), typeof line.text === 'string' ? Buffer.from(line.text) : line.text]));
  const expected: DropExpectation = {
    accepted: lines.flatMap((line) => (line.accepted ? [line.accepted] : [])),
    rejected: lines.flatMap((line, i) => (line.issue ? [{ line: i + 1, issue: line.issue }] : [])),
  };
  return { kind, format, body, expected, [fc.toStringMethod]: () => `${kind} (${body.length} bytes): ${JSON.stringify(body.subarray(0, 400).toString('utf8'))} → ${JSON.stringify(expected)}` } as FuzzDrop;
}

/** NDJSON: valid lines, lines with any defect, lines that are not JSON, blank and overlong lines, in any order. */
export function ndjsonDrop(context: ChannelFuzzContext): fc.Arbitrary<FuzzDrop> {
  const good = validReading(context.good).map((parts): Line => {
    const text = readingText(parts);
    return { text, accepted: readingIdOf(text) };
  });
  const bad = defectiveReading(context.bad).map((reading): Line => ({
    text: reading.text,
    issue: reading.text.toString('utf8').length > MAX_LINE_CHARS ? { path: '', rules: ['maxLength'] } : issueOf(reading),
  }));
  const garbage = fc
    .string({ minLength: 1, maxLength: 80, unit: 'grapheme' })
    .filter((text) => !/[\r\n]/.test(text) && isMalformedJson(text))
    .map((text): Line => ({ text, issue: { path: '', rules: ['json'] } }));
  const blank = fc.constantFrom('', '   ', '\t').map((text): Line => ({ text }));
  const overlong = fc.integer({ min: MAX_LINE_CHARS + 1, max: 3 * MAX_LINE_CHARS }).map((length): Line => ({ text: `{"note":"${'x'.repeat(length)}"}`, issue: { path: '', rules: ['maxLength'] } }));
  const line = fc.oneof({ weight: 40, arbitrary: good }, { weight: 35, arbitrary: bad }, { weight: 10, arbitrary: garbage }, { weight: 10, arbitrary: blank }, { weight: 5, arbitrary: overlong });
  return fc.tuple(fc.array(line, { minLength: 1, maxLength: 25 }), fc.boolean()).map(([lines, crlf]) => fuzzDrop('NDJSON drop', 'ndjson', lines, crlf));
}

type Cells = Readonly<Record<string, string>>;

const CSV_MEASUREMENTS: readonly string[] = MEASUREMENT_KEYS;
const DAY_MS = 86_400_000;

/** A valid reading as CSV cells (measurement columns it lacks stay empty). */
function validCells(context: FuzzContext): fc.Arbitrary<{ cells: Cells; readingId: string }> {
  return validReading(context).map((parts) => {
    const reading = JSON.parse(readingText(parts).toString('utf8')) as { deviceId: string; timestamp: string | number; measurements: Record<string, number> };
    const cells: Record<string, string> = { deviceId: reading.deviceId, timestamp: String(reading.timestamp) };
    for (const [key, value] of Object.entries(reading.measurements)) cells[key] = String(value);
    return { cells, readingId: readingIdOf(readingText(parts)) };
  });
}

/** A CSV row with one defect, and the issue ingest must name for it. */
function badCells(context: FuzzContext): fc.Arbitrary<{ cells: Cells; issue: IssueAt; extraCells?: boolean }> {
  const base = validCells(context).map(({ cells }) => cells);
  const measurement = fc.constantFrom(...CSV_MEASUREMENTS);
  return fc.oneof(
    fc
      .tuple(base, measurement, fc.constantFrom('abc', 'NaN', 'Infinity', '1e400', '12abc', '--1', 'twelve'))
      .map(([cells, key, value]) => ({ cells: { ...cells, [key]: value }, issue: { path: `measurements.${key}`, rules: ['type'] } })),
    fc
      .tuple(base, fc.constantFrom(...POLLUTANTS), fc.integer({ min: 1, max: 1_000_000 }))
      .map(([cells, key, value]) => ({ cells: { ...cells, [key]: `-${value}` }, issue: { path: `measurements.${key}`, rules: ['minimum'] } })),
    fc
      .tuple(base, fc.constantFrom(['101', 'maximum'], ['-1', 'minimum'], ['1e6', 'maximum']))
      .map(([cells, [value, rule]]) => ({ cells: { ...cells, humidity: value }, issue: { path: 'measurements.humidity', rules: [rule] } })),
    fc
      .tuple(base, fc.constantFrom('', 'a b', 'é', 'x'.repeat(65), 'dev/1'))
      .map(([cells, id]) => ({ cells: { ...cells, deviceId: id }, issue: { path: 'deviceId', rules: ['minLength', 'maxLength', 'pattern'] } })),
    fc
      .tuple(base, fc.constantFrom('yesterday', '2024-13-01T00:00:00Z', '2024-05-01T12:00:00', 'now'))
      .map(([cells, value]) => ({ cells: { ...cells, timestamp: value }, issue: { path: 'timestamp', rules: ['format', 'maxLength'] } })),
    fc
      .tuple(base, fc.boolean(), fc.boolean())
      .map(([cells, future, iso]) => {
        const ms = future ? context.now() + 30 * DAY_MS : context.now() - 30 * DAY_MS;
        return { cells: { ...cells, timestamp: iso ? new Date(ms).toISOString() : String(ms) }, issue: { path: 'timestamp', rules: ['timestampWindow'] } };
      }),
    base.map((cells) => ({ cells: { deviceId: cells['deviceId'] ?? '', timestamp: cells['timestamp'] ?? '' }, issue: { path: 'measurements', rules: ['minProperties'] } })),
    base.map((cells) => ({ cells, issue: { path: '', rules: ['csv'] }, extraCells: true })),
    base.map((cells) => ({ cells: { ...cells, deviceId: 'de"v' }, issue: { path: '', rules: ['csv'] } })),
  );
}

/** CSV under a valid header (columns in any order): valid rows, rows with one defect, blank lines. */
export function csvDrop(context: ChannelFuzzContext): fc.Arbitrary<FuzzDrop> {
  const columns = fc.shuffledSubarray(['deviceId', 'timestamp', ...CSV_MEASUREMENTS], { minLength: 10 });
  const row = fc.oneof(
    { weight: 45, arbitrary: validCells(context.good).map((row) => ({ ...row, issue: undefined, extraCells: false, blank: false })) },
    { weight: 45, arbitrary: badCells(context.bad).map((row) => ({ ...row, readingId: undefined, blank: false })) },
    { weight: 10, arbitrary: fc.constant({ cells: {}, readingId: undefined, issue: undefined, extraCells: false, blank: true }) },
  );
  return fc.tuple(columns, fc.array(row, { minLength: 1, maxLength: 25 }), fc.boolean()).map(([header, rows, crlf]) =>
    fuzzDrop(
      'CSV drop',
      'csv',
      [
        { text: header.join(',') },
        ...rows.map((entry): Line => {
          if (entry.blank) return { text: '' };
          const text = header.map((column) => entry.cells[column] ?? '').join(',') + (entry.extraCells ? ',1,2' : '');
          return entry.issue ? { text, issue: entry.issue } : { text, ...(entry.readingId ? { accepted: entry.readingId } : {}) };
        }),
      ],
      crlf,
    ),
  );
}

/** A CSV whose header names an unknown column or lacks a required one: the file is refused at line 1. */
export function csvBadHeaderDrop(context: ChannelFuzzContext): fc.Arbitrary<FuzzDrop> {
  return fc
    .tuple(
      fc.oneof(
        fc.constantFrom('pm1', 'Device', 'ts', 'note').map((column) => ({ header: ['deviceId', 'timestamp', 'pm25', column], issue: { path: column, rules: ['additionalProperties'] } })),
        fc.constantFrom('deviceId', 'timestamp').map((missing) => ({ header: ['deviceId', 'timestamp', 'pm25'].filter((c) => c !== missing), issue: { path: missing, rules: ['required'] } })),
      ),
      timestampWithin(context.good.now),
    )
    .map(([{ header, issue }, timestamp]) => {
      const row = header.map((column) => (column === 'deviceId' ? (context.good.deviceIds[0] ?? '') : column === 'timestamp' ? String(JSON.parse(timestamp)) : '5')).join(',');
      return fuzzDrop('CSV with a bad header', 'csv', [{ text: header.join(','), issue }, { text: row }]);
    });
}
