import fc from 'fast-check';
import { arrayText, bytes, objectText, quoted, type Piece } from './json-text';
import { invalid, type ExpectedIssue, type Expectation } from './expectation';
import { JSON_CONTENT_TYPES, malformedRequest, NDJSON_CONTENT_TYPES, type MalformedRequest } from './malformed-request';
import { defectiveReading, type ReadingDefect } from './reading-defects';
import { readingText, validReading, type FuzzContext } from './valid-reading';

/** The shapes POST /v1/readings takes: one reading, `{ readings }`, a bare array, NDJSON. */
export type Envelope = 'single' | 'wrapped' | 'array' | 'ndjson';

/** A reading in a payload: defective, or valid (`defect` undefined). */
export interface PayloadItem {
  readonly text: Buffer;
  readonly defect: ReadingDefect | undefined;
  readonly isArray: boolean;
}

export interface NdjsonLayout {
  /** Blank (or whitespace) lines before some records; they are not records. */
  readonly blankBefore: readonly boolean[];
  readonly crlf: boolean;
  readonly trailingNewline: boolean;
}

const PLAIN: NdjsonLayout = { blankBefore: [], crlf: false, trailingNewline: false };

export function envelopeBody(envelope: Envelope, items: readonly Piece[], layout: NdjsonLayout = PLAIN): Buffer {
  switch (envelope) {
    case 'single':
      if (items.length !== 1) throw new Error('a single-reading body holds exactly one reading');
      return bytes(items);
    case 'wrapped':
      return objectText([[quoted('readings'), arrayText(items)]]);
    case 'array':
      return arrayText(items);
    case 'ndjson': {
      const newline = layout.crlf ? '\r\n' : '\n';
      const parts: Piece[] = [];
      items.forEach((item, i) => parts.push(...(layout.blankBefore[i] ? ['  \t', newline] : []), item, i < items.length - 1 || layout.trailingNewline ? newline : ''));
      return bytes(parts);
    }
  }
}

/** Where a parse-time issue of reading `i` is reported: relative to the body as it was sent. */
function parsedPath(envelope: Envelope, index: number, path: string): string {
  const prefix = envelope === 'single' ? '' : envelope === 'wrapped' ? `readings[${index}]` : `[${index}]`;
  return joinPath(prefix, path);
}

function joinPath(prefix: string, path: string): string {
  if (path === '') return prefix;
  if (prefix === '' || path.startsWith('[')) return `${prefix}${path}`;
  return `${prefix}.${path}`;
}

/**
 * What ingest answers a payload of these readings: a syntax error refuses the whole body at
 * its first fault (JSON) or at each broken line (NDJSON); a forbidden key refuses it too,
 * naming each; otherwise every reading is judged and each one's fault is named under
 * `readings[i]`. A payload whose readings all pass would be accepted, so it is not malformed.
 */
export function expectationFor(envelope: Envelope, items: readonly PayloadItem[]): Expectation {
  const at = (level: ReadingDefect['level']) => items.flatMap((item, index) => (item.defect?.level === level ? [{ index, defect: item.defect }] : []));
  const syntax = at('syntax');
  const forbidden = at('forbiddenKey');
  const forbiddenIssues = forbidden.map(({ index, defect }): ExpectedIssue => ({ path: parsedPath(envelope, index, defect.path), rules: ['forbiddenKey'] }));
  if (envelope === 'ndjson' && syntax.length + forbidden.length > 0) {
    return invalid(...syntax.map(({ index }): ExpectedIssue => ({ path: `[${index}]`, rules: ['json'] })), ...forbiddenIssues);
  }
  if (syntax.length > 0) return invalid({ path: '', rules: ['json'] });
  if (forbidden.length > 0) return invalid(...forbiddenIssues);
  return invalid(
    ...items.map((item, index): ExpectedIssue => {
      if (!item.defect) throw new Error('a payload with a valid reading and no parse error would be accepted');
      return { path: joinPath(`readings[${index}]`, item.defect.path), rules: item.defect.rules };
    }),
  );
}

const contentTypeFor = (envelope: Envelope) => (envelope === 'ndjson' ? fc.constantFrom(...NDJSON_CONTENT_TYPES) : fc.constantFrom(...JSON_CONTENT_TYPES));

const layoutOf = (count: number): fc.Arbitrary<NdjsonLayout> =>
  fc.record({ blankBefore: fc.array(fc.boolean(), { minLength: count, maxLength: count }), crlf: fc.boolean(), trailingNewline: fc.boolean() });

function payloadRequest(kind: string, envelope: Envelope, items: readonly PayloadItem[]): fc.Arbitrary<MalformedRequest> {
  return fc
    .tuple(contentTypeFor(envelope), layoutOf(items.length))
    .map(([contentType, layout]) => malformedRequest(kind, contentType, envelopeBody(envelope, items.map((item) => item.text), layout), expectationFor(envelope, items)));
}

const envelopes = fc.constantFrom<Envelope>('single', 'wrapped', 'array', 'ndjson');
const fits = (envelope: Envelope, items: readonly PayloadItem[]) => envelope !== 'single' || (items.length === 1 && !items[0]?.isArray);

/** 1–5 readings, each with one defect the schema or the timestamp window catches, in any envelope. */
export function schemaDefectsRequest(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return fc
    .tuple(envelopes, fc.array(defectiveReading(context, ['schema']), { minLength: 1, maxLength: 5 }))
    .filter(([envelope, items]) => fits(envelope, items))
    .chain(([envelope, items]) => payloadRequest('readings with a schema defect', envelope, items));
}

/**
 * Valid readings beside 1–3 that cannot even be parsed (a syntax error, a `__proto__` key):
 * the whole body is refused, the valid readings with it.
 */
export function parseDefectsRequest(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const valid = validReading(context).map((parts): PayloadItem => ({ text: readingText(parts), defect: undefined, isArray: false }));
  const broken: fc.Arbitrary<PayloadItem> = defectiveReading(context, ['syntax', 'forbiddenKey']);
  return fc
    .tuple(envelopes, fc.array(valid, { maxLength: 4 }), fc.array(broken, { minLength: 1, maxLength: 3 }))
    .chain(([envelope, good, bad]) => fc.shuffledSubarray([...good, ...bad], { minLength: good.length + bad.length }).map((items) => [envelope, items] as const))
    .filter(([envelope, items]) => fits(envelope, items))
    .chain(([envelope, items]) => payloadRequest('readings that do not parse', envelope, items));
}

