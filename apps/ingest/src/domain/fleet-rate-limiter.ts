import type { Clock } from '@pulse/service-kit';
import { decisionOf, gcraTake } from './gcra';
import { RecentMap } from './recent-map';

export interface RateLimit {
  /** Sustained requests per second per fleet. */
  readonly ratePerSecond: number;
  /** Requests a fleet may send at once after being idle. */
  readonly burst: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface FleetRateLimiter {
  take(fleetId: string): RateDecision | Promise<RateDecision>;
}

/** A limiter that decides without I/O. */
export interface InContainerRateLimiter extends FleetRateLimiter {
  take(fleetId: string): RateDecision;
}

export function checkRateLimit(limit: RateLimit): void {
  if (!(limit.ratePerSecond > 0) || !(limit.burst >= 1)) throw new RangeError('rate must be > 0 and burst ≥ 1');
}

/**
 * A bucket per fleet in this container's memory. Alone it holds a fleet to the rate times
 * the concurrent containers; ingest uses it only when the shared bucket cannot be reached
 * (see shared-fleet-rate-limiter.ts). At most `maxFleets` buckets are kept (least recently
 * used dropped), so memory stays bounded.
 */
export function createFleetRateLimiter(limit: RateLimit, clock: Clock, maxFleets = 10_000): InContainerRateLimiter {
  checkRateLimit(limit);
  const buckets = new RecentMap<number>(maxFleets);
  return {
    take(fleetId) {
      const take = gcraTake(limit, buckets.get(fleetId), clock.now());
      if (take.ok) buckets.set(fleetId, take.tat);
      return decisionOf(take);
    },
  };
}
