import type { Clock } from '@pulse/service-kit';
import { createFleetRateLimiter, type FleetRateLimiter, type RateLimit } from '../domain/fleet-rate-limiter';
import { createSharedFleetRateLimiter, type RateStateStore } from '../domain/shared-fleet-rate-limiter';
import type { IngestMetrics } from './ingest-metrics';
import type { LogPort } from './log-port';

export interface RateLimitingDeps {
  readonly limit: RateLimit;
  readonly clock: Clock;
  readonly store: RateStateStore;
  readonly metrics: Pick<IngestMetrics, 'rateLimiterUnavailable'>;
  readonly logger: LogPort;
}

/**
 * receive-readings' limiter: each fleet's bucket in the RateLimits table, shared by every
 * container. When the table fails the request is admitted on this container's own bucket,
 * with a warning naming the fleet and the error (the caller's key is never in scope here)
 * and the `rateLimiterUnavailable` metric.
 */
export function sharedFleetRateLimiter(deps: RateLimitingDeps): FleetRateLimiter {
  return createSharedFleetRateLimiter(deps.limit, {
    store: deps.store,
    clock: deps.clock,
    fallback: createFleetRateLimiter(deps.limit, deps.clock),
    onStoreFailure(fleetId, error) {
      deps.metrics.rateLimiterUnavailable();
      deps.logger.warn('rate limiter unavailable: admitted on this container’s bucket', { fleetId, error: summary(error) });
    },
  });
}

function summary(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'UnknownError', message: String(error) };
}
