import type { DeviceRecord } from './device';
import type { DeviceLookup, DeviceStore } from './device-ports';
import type { TtlCache } from './ttl-cache';

export interface CachedDeviceLookupOptions {
  readonly store: DeviceStore;
  /** Module-scope in a handler, so it outlives one invocation; `null` caches "unknown". */
  readonly cache: TtlCache<DeviceRecord | null>;
  /** How long a found device (active or retired) is trusted: bounds how stale a change can be. */
  readonly ttlMs: number;
  /** Shorter: a device that registers right after its first readings is picked up soon. */
  readonly negativeTtlMs: number;
}

/**
 * Answers from the cache what it can and reads only the misses from the store, in one call
 * per batch, so the projection table is not read per reading.
 */
export function cachedDeviceLookup(options: CachedDeviceLookupOptions): DeviceLookup {
  const { store, cache, ttlMs, negativeTtlMs } = options;
  return {
    async lookup(fleetId, deviceIds) {
      const devices = new Map<string, DeviceRecord>();
      const misses: string[] = [];
      const unique = new Set(deviceIds);
      for (const deviceId of unique) {
        const cached = cache.get(cacheKey(fleetId, deviceId));
        if (cached === undefined) misses.push(deviceId);
        else if (cached.value !== null) devices.set(deviceId, cached.value);
      }
      if (misses.length > 0) {
        const found = await store.getDevices(fleetId, misses);
        for (const deviceId of misses) {
          const device = found.get(deviceId) ?? null;
          cache.set(cacheKey(fleetId, deviceId), device, device === null ? negativeTtlMs : ttlMs);
          if (device !== null) devices.set(deviceId, device);
        }
      }
      return { devices, cacheHits: unique.size - misses.length, cacheMisses: misses.length };
    },
  };
}

/** Fleets partition everything, the cache too. */
function cacheKey(fleetId: string, deviceId: string): string {
  return `${fleetId}\u0000${deviceId}`;
}
