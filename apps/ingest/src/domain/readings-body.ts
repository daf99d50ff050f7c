import { formatPath, parseJson, parseJsonLines, type ValidationIssue } from '@pulse/schemas';
import { MAX_BODY_BYTES, MAX_READINGS_PER_REQUEST } from './limits';

export type BodyFormat = 'json' | 'ndjson';

export type ParsedBody =
  | { ok: true; readings: unknown[] }
  | { ok: false; kind: 'unsupportedMediaType' | 'tooLarge'; message: string }
  | { ok: false; kind: 'malformed'; issues: ValidationIssue[] };

const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines']);

/**
 * The body's format from its content type. A missing content type is read as JSON (what
 * sensors posting with minimal HTTP stacks send); anything else is a 415.
 */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const media = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (media === 'application/json' || media === '' || /^application\/[a-z0-9.+-]*\+json$/.test(media)) return 'json';
  return NDJSON_TYPES.has(media) ? 'ndjson' : undefined;
}

/**
 * A POST /v1/readings body as the list of readings it carries: one reading, `{ readings: [...] }`
 * (or a bare array), or NDJSON with one reading per line. Malformed text is a 400 naming
 * line and column; over 1 MB or 1,000 readings is a 413.
 */
export function parseReadingsBody(text: string, byteLength: number, contentType: string | undefined): ParsedBody {
  const format = bodyFormat(contentType);
  if (!format) {
    return { ok: false, kind: 'unsupportedMediaType', message: `content type '${contentType}' is not accepted; send application/json or application/x-ndjson` };
  }
  if (byteLength > MAX_BODY_BYTES) {
    return { ok: false, kind: 'tooLarge', message: `the body is ${byteLength} bytes; at most ${MAX_BODY_BYTES} bytes (1 MB) are accepted per request` };
  }
  if (text.trim() === '') return malformed({ path: '', rule: 'required', message: 'the body is empty; send at least one reading' });
  const readings = format === 'ndjson' ? parseJsonLines(text) : readingsOfJson(text);
  if (!readings.ok) return { ok: false, kind: 'malformed', issues: readings.errors };
  if (readings.value.length === 0) return malformed({ path: 'readings', rule: 'minItems', message: 'must hold at least one reading' });
  if (readings.value.length > MAX_READINGS_PER_REQUEST) {
    return { ok: false, kind: 'tooLarge', message: `the request holds ${readings.value.length} readings; at most ${MAX_READINGS_PER_REQUEST} are accepted per request` };
  }
  return { ok: true, readings: readings.value };
}

function readingsOfJson(text: string): { ok: true; value: unknown[] } | { ok: false; errors: ValidationIssue[] } {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (Array.isArray(value)) return { ok: true, value };
  if (typeof value === 'object' && value !== null && 'readings' in value) {
    const { readings, ...rest } = value as { readings: unknown };
    const extra = Object.keys(rest).map((key) => ({ path: formatPath([key]), rule: 'additionalProperties', message: `unknown field '${key}'; the body is { "readings": [...] }` }));
    if (!Array.isArray(readings)) return { ok: false, errors: [{ path: 'readings', rule: 'type', message: 'must be an array of readings' }, ...extra] };
    return extra.length > 0 ? { ok: false, errors: extra } : { ok: true, value: readings };
  }
  return { ok: true, value: [value] };
}

function malformed(issue: ValidationIssue): ParsedBody {
  return { ok: false, kind: 'malformed', issues: [issue] };
}
