import type { Clock } from '@pulse/service-kit';
import { checkRateLimit, type FleetRateLimiter, type InContainerRateLimiter, type RateDecision, type RateLimit } from './fleet-rate-limiter';
import { admissionCeiling, emissionIntervalMs, gcraTake, retryAfterSeconds } from './gcra';
import { RecentMap } from './recent-map';

/** The outcome of one conditional write; `tat` is the stored value after it, or the one that failed the condition. */
export type RateStateWrite = { applied: true; tat: number } | { applied: false; tat: number | undefined };

/** Where every container keeps each fleet's `tat` (gcra.ts): one item per fleet, written conditionally. */
export interface RateStateStore {
  /** `tat := tat` given, only if the fleet has no state or its bucket is full (stored tat < now). */
  restart(fleetId: string, now: number, tat: number): Promise<RateStateWrite>;
  /**
   * `tat := tat + interval`, only if now ≤ tat ≤ ceiling (a token left). Relative, so takers in
   * any number of containers never conflict: the store applies them one after the other.
   */
  advance(fleetId: string, now: number, interval: number, ceiling: number): Promise<RateStateWrite>;
}

export interface SharedRateLimiterPorts {
  readonly store: RateStateStore;
  readonly clock: Clock;
  /** Decides while the store fails: this container's own bucket per fleet. */
  readonly fallback: InContainerRateLimiter;
  /** Told each time the store failed and the fallback decided. */
  readonly onStoreFailure: (fleetId: string, error: unknown) => void;
}

class RateStateLost extends Error {}

/**
 * A fleet's bucket shared by every container, so its limit holds however many serve it.
 * The store decides admission in one conditional write (two when a bucket that was full
 * starts being used, or another container restarted it first). What this container last saw
 * of a fleet's `tat` is a lower bound of the shared one, so a fleet already over its rate is
 * refused without a call. When the store fails, the limiter fails open to the container's
 * own bucket: readings keep flowing, held to rate × containers, with API Gateway's stage
 * throttling as the outer limit.
 */
export function createSharedFleetRateLimiter(limit: RateLimit, ports: SharedRateLimiterPorts, maxFleets = 10_000): FleetRateLimiter {
  checkRateLimit(limit);
  const interval = emissionIntervalMs(limit);
  const seen = new RecentMap<number>(maxFleets);

  const remember = (fleetId: string, write: RateStateWrite) => {
    if (write.tat !== undefined) seen.set(fleetId, Math.max(write.tat, seen.get(fleetId) ?? write.tat));
  };

  async function takeShared(fleetId: string, now: number, lastSeen: number | undefined): Promise<RateDecision> {
    let tat = lastSeen;
    if (tat === undefined || tat < now) {
      const restarted = await ports.store.restart(fleetId, now, now + interval);
      remember(fleetId, restarted);
      if (restarted.applied) return { ok: true };
      tat = restarted.tat; // another container restarted it first: now ≤ tat
      const known = gcraTake(limit, tat, now);
      if (!known.ok) return known;
    }
    const advanced = await ports.store.advance(fleetId, now, interval, admissionCeiling(limit, now));
    remember(fleetId, advanced);
    if (advanced.applied) return { ok: true };
    if (advanced.tat === undefined || advanced.tat < now) {
      // The item vanished under us (an operator, a restored table): what was seen is no bound any more.
      seen.delete(fleetId);
      throw new RateStateLost(`the rate state of fleet ${fleetId} went back from ${tat} to ${advanced.tat}`);
    }
    // Refused by the store's own condition: no token left.
    return { ok: false, retryAfterSeconds: retryAfterSeconds(limit, advanced.tat, now) };
  }

  return {
    async take(fleetId) {
      const now = ports.clock.now();
      const lastSeen = seen.get(fleetId);
      const local = gcraTake(limit, lastSeen, now);
      if (!local.ok) return local;
      try {
        return await takeShared(fleetId, now, lastSeen);
      } catch (error) {
        ports.onStoreFailure(fleetId, error);
        return ports.fallback.take(fleetId);
      }
    },
  };
}
