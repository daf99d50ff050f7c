import type { SimReading } from '../city';
import { urlOf, type ApiTarget } from './api-target';
import { retryAfterMs } from './retry-after';
import { countRule, emptyCounts, type SendCounts } from './send-counts';
import type { SimClock } from './sim-clock';

export interface PostOptions {
  readonly target: ApiTarget;
  readonly clock: SimClock;
  /** Retries of one batch after 429, 503 or a network error (default 5). */
  readonly maxRetries?: number;
  /** The readingIds the API acknowledged (202), e.g. for a test that reconciles what is stored. */
  readonly onAccepted?: (readingIds: readonly string[]) => void;
}

interface Issue {
  path?: string;
  rule?: string;
}

/**
 * One fleet-gateway POST /v1/readings, retried on 429/503 after Retry-After. On a 503 only
 * the readings the API names as not accepted are sent again: the others are already in.
 */
export async function postReadings(readings: readonly SimReading[], options: PostOptions): Promise<SendCounts> {
  const counts = emptyCounts();
  counts.sent = readings.length;
  const maxRetries = options.maxRetries ?? 5;
  const doFetch = options.target.fetch ?? fetch;
  let pending = readings;
  for (let attempt = 0; pending.length > 0; attempt++) {
    let response: Response;
    try {
      counts.requests++;
      response = await doFetch(urlOf(options.target, '/v1/readings'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.target.apiKey },
        body: JSON.stringify({ readings: pending.map((r) => r.body) }),
      });
    } catch {
      if (attempt >= maxRetries) break;
      await options.clock.sleep(1000 * 2 ** attempt);
      continue;
    }
    const body = await readJson(response);
    if (response.status === 202 || response.status === 200) {
      countAccepted(counts, body, pending.length);
      reportAccepted(options, field(body, 'readingIds'));
      pending = [];
    } else if (response.status === 429 || response.status === 503) {
      if (response.status === 429) counts.throttled++;
      else {
        counts.unavailable++;
        const before = pending;
        pending = stillPending(pending, body);
        counts.accepted += before.length - pending.length;
        const retried = new Set(pending.map((r) => r.readingId));
        reportAccepted(options, before.filter((r) => !retried.has(r.readingId)).map((r) => r.readingId));
      }
      if (attempt >= maxRetries) break;
      await options.clock.sleep(retryAfterMs(response.headers.get('retry-after'), options.clock.now()));
    } else if (response.status >= 400 && response.status < 500) {
      countRejectedAll(counts, body, pending.length);
      pending = [];
    } else {
      if (attempt >= maxRetries) break;
      await options.clock.sleep(1000 * 2 ** attempt);
    }
  }
  counts.failed += pending.length;
  return counts;
}

function reportAccepted(options: PostOptions, readingIds: unknown): void {
  if (options.onAccepted && Array.isArray(readingIds) && readingIds.length > 0) options.onAccepted(readingIds.filter((id): id is string => typeof id === 'string'));
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** 202: `{ accepted, readingIds, rejected: [{ index, errors }] }`. */
function countAccepted(counts: SendCounts, body: unknown, size: number): void {
  const rejected = Array.isArray(field(body, 'rejected')) ? (field(body, 'rejected') as unknown[]) : [];
  const accepted = field(body, 'accepted');
  counts.accepted += typeof accepted === 'number' ? accepted : size - rejected.length;
  counts.rejected += rejected.length;
  for (const entry of rejected) {
    const errors = field(entry, 'errors');
    const rules = new Set((Array.isArray(errors) ? (errors as Issue[]) : []).map((e) => e.rule ?? 'unknown'));
    for (const rule of rules.size > 0 ? rules : ['unknown']) countRule(counts, rule);
  }
}

/** 4xx: nothing accepted; `errors` paths name readings as `readings[<index>]…`. */
function countRejectedAll(counts: SendCounts, body: unknown, size: number): void {
  counts.rejected += size;
  const rulesByIndex = new Map<number, Set<string>>();
  const errors = field(body, 'errors');
  for (const issue of Array.isArray(errors) ? (errors as Issue[]) : []) {
    const index = Number(/^readings\[(\d+)\]/.exec(issue.path ?? '')?.[1] ?? -1);
    const rules = rulesByIndex.get(index) ?? new Set<string>();
    rules.add(issue.rule ?? 'unknown');
    rulesByIndex.set(index, rules);
  }
  const code = field(field(body, 'error'), 'code');
  const whole = typeof code === 'string' ? code : 'unknown';
  for (let i = 0; i < size; i++) for (const rule of rulesByIndex.get(i) ?? [whole]) countRule(counts, rule);
}

/** 503: `{ notAccepted: [readingId] }`; without it, everything is sent again. */
function stillPending(pending: readonly SimReading[], body: unknown): readonly SimReading[] {
  const notAccepted = field(body, 'notAccepted');
  if (!Array.isArray(notAccepted)) return pending;
  const ids = new Set(notAccepted);
  return pending.filter((r) => ids.has(r.readingId));
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
