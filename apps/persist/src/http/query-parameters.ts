import { MAX_EPOCH_MS, isoDateTimeToEpochMs, type ValidationIssue } from '@pulse/schemas';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './api-schemas';

export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: ValidationIssue };

/** `limit`: a whole number in 1–1000, default 100. */
export function parseLimit(raw: string | undefined): Parsed<number> {
  if (raw === undefined) return { ok: true, value: DEFAULT_PAGE_LIMIT };
  if (!/^\d{1,7}$/.test(raw)) return fail('limit', 'type', 'limit must be a whole number');
  const value = Number(raw);
  if (value < 1) return fail('limit', 'minimum', 'limit must be >= 1');
  if (value > MAX_PAGE_LIMIT) return fail('limit', 'maximum', `limit must be <= ${MAX_PAGE_LIMIT}`);
  return { ok: true, value };
}

/** A time parameter: epoch milliseconds or an RFC 3339 date-time with a zone. */
export function parseTime(name: string, raw: string | undefined, fallback: number): Parsed<number> {
  if (raw === undefined) return { ok: true, value: fallback };
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : isoDateTimeToEpochMs(raw);
  if (value === undefined || value > MAX_EPOCH_MS || value < 0) {
    return fail(name, 'format', `${name} must be epoch milliseconds or an RFC 3339 date-time with a zone`);
  }
  return { ok: true, value };
}

export function fail(path: string, rule: string, message: string): { ok: false; issue: ValidationIssue } {
  return { ok: false, issue: { path, rule, message } };
}
