import type { RateLimit } from './domain/fleet-rate-limiter';
import { DEFAULT_OWNERSHIP_CACHE, type OwnershipCacheOptions } from './domain/ownership-cache';

/** Configuration variables the declaration sets on ingest's functions (defaults in parentheses). */
export const INGEST_ENV = {
  /** Sustained POST /v1/readings requests per second per fleet, across all containers (20). */
  fleetRate: 'PULSE_INGEST_FLEET_RATE_PER_SECOND',
  /** Burst of requests a fleet may send at once, across all containers (40). */
  fleetBurst: 'PULSE_INGEST_FLEET_BURST',
  /** How long a positive ownership answer is cached, in seconds (60). */
  ownershipTtl: 'PULSE_INGEST_OWNERSHIP_TTL_SECONDS',
  /** Retry-After of a 503, in seconds (5). */
  retryAfter: 'PULSE_INGEST_RETRY_AFTER_SECONDS',
} as const;

export const INGEST_DEFAULTS = { fleetRate: 20, fleetBurst: 40, ownershipTtlSeconds: 60, retryAfterSeconds: 5 } as const;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
}

export function rateLimitFrom(env: NodeJS.ProcessEnv = process.env): RateLimit {
  return {
    ratePerSecond: positive(env, INGEST_ENV.fleetRate, INGEST_DEFAULTS.fleetRate),
    burst: positive(env, INGEST_ENV.fleetBurst, INGEST_DEFAULTS.fleetBurst),
  };
}

export function ownershipCacheFrom(env: NodeJS.ProcessEnv = process.env): OwnershipCacheOptions {
  return { ...DEFAULT_OWNERSHIP_CACHE, ttlMs: positive(env, INGEST_ENV.ownershipTtl, INGEST_DEFAULTS.ownershipTtlSeconds) * 1000 };
}

export function retryAfterFrom(env: NodeJS.ProcessEnv = process.env): number {
  return Math.ceil(positive(env, INGEST_ENV.retryAfter, INGEST_DEFAULTS.retryAfterSeconds));
}
