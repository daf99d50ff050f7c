import type { Clock } from '@pulse/service-kit';

export interface RateLimit {
  /** Sustained requests per second per fleet. */
  readonly ratePerSecond: number;
  /** Requests a fleet may send at once after being idle. */
  readonly burst: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface FleetRateLimiter {
  take(fleetId: string): RateDecision;
}

/**
 * A token bucket per fleet, in this container's memory. It is the second line: API
 * Gateway's stage throttling is the first, and each warm container keeps its own
 * buckets, so a fleet's real ceiling is this rate times the concurrent containers.
 * At most `maxFleets` buckets are kept (oldest dropped), so memory stays bounded.
 */
export function createFleetRateLimiter(limit: RateLimit, clock: Clock, maxFleets = 10_000): FleetRateLimiter {
  if (!(limit.ratePerSecond > 0) || !(limit.burst >= 1)) throw new RangeError('rate must be > 0 and burst ≥ 1');
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(fleetId) {
      const now = clock.now();
      const bucket = buckets.get(fleetId) ?? { tokens: limit.burst, at: now };
      buckets.delete(fleetId); // re-insert below: Map order is then least recently used first
      const tokens = Math.min(limit.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limit.ratePerSecond);
      const allowed = tokens >= 1;
      buckets.set(fleetId, { tokens: allowed ? tokens - 1 : tokens, at: now });
      if (buckets.size > maxFleets) buckets.delete(buckets.keys().next().value as string);
      return allowed ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.ratePerSecond)) };
    },
  };
}
