import type { RateDecision, RateLimit } from './fleet-rate-limiter';

/**
 * A token bucket kept as one number, the GCRA's theoretical arrival time (`tat`, epoch ms):
 * the instant the bucket is full again. A take moves it one emission interval later; the
 * bucket has a token while `max(tat, now)` is at most `burst - 1` intervals ahead of now.
 * One number is what lets every container share a fleet's bucket in one DynamoDB item, and
 * it only ever grows, so a value seen earlier is a lower bound of the current one.
 */
export type GcraTake = { ok: true; tat: number } | { ok: false; retryAfterSeconds: number };

// Sums of fractional intervals (1000 / 3 ms) differ from products in the last bit: a take
// exactly at the ceiling must not be refused for that.
const TOLERANCE_MS = 0.001;

/** Milliseconds one request uses up of the bucket (one token's refill time). */
export function emissionIntervalMs(limit: RateLimit): number {
  return 1000 / limit.ratePerSecond;
}

/** The latest `tat` at which a request arriving `now` is still admitted. */
export function admissionCeiling(limit: RateLimit, now: number): number {
  return now + (limit.burst - 1) * emissionIntervalMs(limit) + TOLERANCE_MS;
}

/** Seconds until a bucket at `tat` has a token again (≥ 1: Retry-After is in whole seconds). */
export function retryAfterSeconds(limit: RateLimit, tat: number, now: number): number {
  return Math.max(1, Math.ceil((tat - admissionCeiling(limit, now)) / 1000));
}

/** One take from a bucket at `tat` (undefined: never used, i.e. full). */
export function gcraTake(limit: RateLimit, tat: number | undefined, now: number): GcraTake {
  const from = Math.max(tat ?? now, now);
  if (from > admissionCeiling(limit, now)) return { ok: false, retryAfterSeconds: retryAfterSeconds(limit, from, now) };
  return { ok: true, tat: from + emissionIntervalMs(limit) };
}

/** The decision a take gives a caller. */
export function decisionOf(take: GcraTake): RateDecision {
  return take.ok ? { ok: true } : take;
}
