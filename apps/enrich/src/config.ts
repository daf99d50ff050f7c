/** Configuration variables of enrich-readings, declared in service.ts with their defaults. */
export const CACHE_TTL_SECONDS_ENV = 'PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS';
export const CACHE_NEGATIVE_TTL_SECONDS_ENV = 'PULSE_ENRICH_DEVICE_CACHE_NEGATIVE_TTL_SECONDS';
export const CACHE_MAX_ENTRIES_ENV = 'PULSE_ENRICH_DEVICE_CACHE_MAX_ENTRIES';

export const DEFAULT_CACHE_CONFIG = { ttlSeconds: 60, negativeTtlSeconds: 10, maxEntries: 10_000 } as const;

export interface DeviceCacheConfig {
  readonly ttlMs: number;
  readonly negativeTtlMs: number;
  readonly maxEntries: number;
}

/**
 * Reads the cache settings, failing at cold start on a value that is not a non-negative
 * integer: a typo must not silently disable the cache or make it unbounded. TTL 0 disables caching.
 */
export function deviceCacheConfig(env: NodeJS.ProcessEnv = process.env): DeviceCacheConfig {
  return {
    ttlMs: 1000 * integer(env, CACHE_TTL_SECONDS_ENV, DEFAULT_CACHE_CONFIG.ttlSeconds, 3600),
    negativeTtlMs: 1000 * integer(env, CACHE_NEGATIVE_TTL_SECONDS_ENV, DEFAULT_CACHE_CONFIG.negativeTtlSeconds, 3600),
    maxEntries: Math.max(1, integer(env, CACHE_MAX_ENTRIES_ENV, DEFAULT_CACHE_CONFIG.maxEntries, 1_000_000)),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${name} must be an integer 0–${max}, got '${text}'`);
  return value;
}
