import fc from 'fast-check';
import { FORBIDDEN_KEYS, formatPath } from '@pulse/schemas';
import { bytes, objectText, quoted } from './json-text';
import { anyJsonText, invalidUtf8, jsonOfTypes, unknownKey } from './json-values';
import { invalid, tooLarge, unsupportedMediaType } from './expectation';
import { JSON_CONTENT_TYPES, malformedRequest, NDJSON_CONTENT_TYPES, type MalformedRequest } from './malformed-request';
import { envelopeBody, type Envelope } from './readings-payloads';
import { readingText, validReading, type FuzzContext } from './valid-reading';

/** ingest's limits (apps/ingest/src/domain/limits.ts): over either is a 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_READINGS_PER_REQUEST = 1000;
/** Well under Lambda's 6 MB synchronous payload, past which the local API answers 500 (see README). */
const LARGEST_BODY_BYTES = 2 * 1024 * 1024;

const jsonType = fc.constantFrom(...JSON_CONTENT_TYPES);
const anyType = fc.constantFrom(...JSON_CONTENT_TYPES, ...NDJSON_CONTENT_TYPES);
const jsonSyntaxError = invalid({ path: '', rules: ['json'] });

/** Text a receiver reads as not JSON: non-blank, and JSON.parse (after a BOM, which ingest strips) throws. */
export function isMalformedJson(text: string): boolean {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return false;
  } catch {
    return true;
  }
}

const validTexts = (context: FuzzContext, max: number) => fc.array(validReading(context).map((parts) => readingText(parts)), { minLength: 1, maxLength: max });

/** JSON cut short, random text and bytes, NDJSON with broken lines, invalid UTF-8 between tokens. */
export function brokenTextRequest(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const jsonEnvelope = fc.constantFrom<Envelope>('single', 'wrapped', 'array');
  const truncated = fc
    .tuple(jsonEnvelope, validTexts(context, 4))
    .map(([envelope, items]) => envelopeBody(envelope, envelope === 'single' ? items.slice(0, 1) : items))
    .chain((body) => fc.tuple(fc.integer({ min: 1, max: body.length - 1 }), jsonType).map(([cut, type]) => malformedRequest('JSON cut short', type, body.subarray(0, cut), jsonSyntaxError)));
  const garbage = fc
    .tuple(fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }).filter(isMalformedJson), jsonType)
    .map(([text, type]) => malformedRequest('random text', type, Buffer.from(text, 'utf8'), jsonSyntaxError));
  const randomBytes = fc
    .tuple(fc.uint8Array({ minLength: 1, maxLength: 512 }).filter((raw) => isMalformedJson(Buffer.from(raw).toString('utf8'))), jsonType)
    .map(([raw, type]) => malformedRequest('random bytes', type, Buffer.from(raw), jsonSyntaxError));
  const structuralUtf8 = fc
    .tuple(fc.constantFrom<Envelope>('wrapped', 'array'), validTexts(context, 3), invalidUtf8, jsonType)
    .map(([envelope, items, raw, type]) => {
      const body = envelopeBody(envelope, items);
      return malformedRequest('invalid UTF-8 between tokens', type, bytes([body.subarray(0, 1), raw, body.subarray(1)]), jsonSyntaxError);
    });
  const garbageLine = fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }).filter((line) => !/[\r\n]/.test(line) && isMalformedJson(line));
  const ndjsonLines = fc
    .tuple(fc.array(validReading(context).map((parts) => ({ text: readingText(parts), broken: false })), { maxLength: 4 }), fc.array(garbageLine.map((line) => ({ text: Buffer.from(line), broken: true })), { minLength: 1, maxLength: 3 }))
    .chain(([good, bad]) => fc.shuffledSubarray([...good, ...bad], { minLength: good.length + bad.length }))
    .chain((lines) =>
      fc.constantFrom(...NDJSON_CONTENT_TYPES).map((type) =>
        malformedRequest(
          'NDJSON with broken lines',
          type,
          envelopeBody('ndjson', lines.map((line) => line.text)),
          invalid(...lines.flatMap((line, index) => (line.broken ? [{ path: `[${index}]`, rules: ['json'] }] : []))),
        ),
      ),
    );
  return fc.oneof(truncated, garbage, randomBytes, structuralUtf8, ndjsonLines);
}

/** Bodies whose readings may be fine but whose shape is not: blank, empty list, extra or forbidden keys. */
export function envelopeDefectRequest(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const blank = fc
    .tuple(fc.constantFrom('', ' ', '\n', '\r\n\t ', '   \n\n'), anyType)
    .map(([text, type]) => malformedRequest('blank body', type, Buffer.from(text), invalid({ path: '', rules: ['required'] })));
  const emptyList = fc
    .tuple(fc.constantFrom('{"readings":[]}', '[]', '{ "readings" : [ ] }', '{"readings":[1],"readings":[]}'), jsonType)
    .map(([text, type]) => malformedRequest('empty list of readings', type, Buffer.from(text), invalid({ path: 'readings', rules: ['minItems'] })));
  const notAList = fc
    .tuple(jsonOfTypes('number', 'string', 'boolean', 'null', 'object'), jsonType)
    .map(([value, type]) => malformedRequest('readings not a list', type, Buffer.from(`{"readings":${value}}`), invalid({ path: 'readings', rules: ['type'] })));
  const extraKeys = fc
    .tuple(validTexts(context, 3), fc.uniqueArray(unknownKey([]), { minLength: 1, maxLength: 3 }), anyJsonText, jsonType)
    .map(([items, keys, value, type]) =>
      malformedRequest(
        'unknown keys beside readings',
        type,
        objectText([[quoted('readings'), envelopeBody('array', items)], ...keys.map((key) => [quoted(key), value] as const)]),
        invalid(...keys.map((key) => ({ path: formatPath([key]), rules: ['additionalProperties'] }))),
      ),
    );
  const forbiddenKey = fc
    .tuple(fc.constantFrom(...FORBIDDEN_KEYS), anyJsonText, validTexts(context, 3), jsonType)
    .map(([key, value, items, type]) =>
      malformedRequest(
        'forbidden key beside readings',
        type,
        objectText([[quoted(key), value], [quoted('readings'), envelopeBody('array', items)]]),
        invalid({ path: key, rules: ['forbiddenKey'] }),
      ),
    );
  const emptyObject = jsonType.map((type) =>
    malformedRequest(
      'empty object',
      type,
      Buffer.from('{}'),
      invalid(...['deviceId', 'timestamp', 'measurements'].map((field) => ({ path: `readings[0].${field}`, rules: ['required'] }))),
    ),
  );
  return fc.oneof(blank, emptyList, notAList, extraKeys, forbiddenKey, emptyObject);
}

/** ingest's rule for what it reads (apps/ingest/src/domain/readings-body.ts): JSON, `+json`, NDJSON, or no type. */
export function isAcceptedContentType(contentType: string): boolean {
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return media === '' || media === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(media) || NDJSON_CONTENT_TYPES.some((type) => type === media);
}

const UNSUPPORTED_TYPES = [
  'text/plain',
  'text/csv',
  'text/json',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=pulse',
  'application/octet-stream',
  'image/png',
  'application/jsonx',
  'json',
  'application/json-seq',
  'application/geo+json-seq',
  'text/x-ndjson',
  'application/javascript',
  'application/',
  '*/*',
] as const;

/** Valid readings under a content type ingest does not read: 415, whatever the body. */
export function contentTypeRequest(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const type = fc
    .oneof(
      fc.constantFrom(...UNSUPPORTED_TYPES),
      fc
        .tuple(fc.constantFrom('text', 'image', 'audio', 'multipart', 'application', 'video', 'font', 'model', 'x-pulse'), fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,15}$/), fc.boolean())
        .map(([top, sub, charset]) => `${top}/${sub}${charset ? '; charset=utf-8' : ''}`),
    )
    .filter((candidate) => !isAcceptedContentType(candidate));
  return fc
    .tuple(type, fc.constantFrom<Envelope>('wrapped', 'ndjson'), validTexts(context, 3))
    .map(([contentType, envelope, items]) => malformedRequest('unsupported content type', contentType, envelopeBody(envelope, items), unsupportedMediaType));
}

/** Over 1 MB (up to 2 MB, padded with whitespace) or over 1,000 readings: 413 before any reading is read. */
export function oversizedRequest(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const reading = validReading(context).map((parts) => readingText(parts));
  const overBytes = fc
    .tuple(fc.oneof(fc.constant(MAX_BODY_BYTES + 1), fc.integer({ min: MAX_BODY_BYTES + 1, max: LARGEST_BODY_BYTES })), reading, fc.boolean())
    .map(([size, item, ndjson]) => {
      const head = ndjson ? bytes([item, '\n']) : bytes(['{"readings":[', item, ']']);
      const tail = ndjson ? '' : '}';
      const body = bytes([head, ' '.repeat(size - head.length - tail.length), tail]);
      return malformedRequest('body over 1 MB', ndjson ? 'application/x-ndjson' : 'application/json', body, tooLarge);
    });
  const overCount = fc
    .tuple(fc.integer({ min: MAX_READINGS_PER_REQUEST + 1, max: 4_000 }), reading, fc.constantFrom<Envelope>('wrapped', 'array', 'ndjson'))
    .map(([count, item, envelope]) =>
      malformedRequest('over 1,000 readings', envelope === 'ndjson' ? 'application/x-ndjson' : 'application/json', envelopeBody(envelope, Array.from({ length: count }, () => item)), tooLarge),
    );
  return fc.oneof(overBytes, overCount);
}
