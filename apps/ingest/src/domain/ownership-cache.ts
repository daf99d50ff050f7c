import type { Clock } from '@pulse/service-kit';
import type { DeviceOwnership } from './device-ownership';

export interface OwnershipCacheOptions {
  /** How long "owned" is believed; a retired-then-moved device is the only thing it can miss. */
  readonly ttlMs: number;
  /** How long "not owned" is believed: short, so a device registered a moment ago is soon let in. */
  readonly negativeTtlMs: number;
  readonly maxEntries: number;
}

export const DEFAULT_OWNERSHIP_CACHE: OwnershipCacheOptions = { ttlMs: 60_000, negativeTtlMs: 5_000, maxEntries: 50_000 };

/**
 * Remembers ownership answers for a bounded time and size, so a gateway sending the same
 * 1,000 devices every few seconds costs one lookup a minute instead of ten per request.
 */
export function cachedOwnership(inner: DeviceOwnership, clock: Clock, options = DEFAULT_OWNERSHIP_CACHE): DeviceOwnership {
  const entries = new Map<string, { owned: boolean; until: number }>();
  return {
    async ownedDevices(fleetId, deviceIds) {
      const now = clock.now();
      const owned = new Set<string>();
      const unknown: string[] = [];
      for (const deviceId of deviceIds) {
        const entry = entries.get(`${fleetId}/${deviceId}`);
        if (entry && entry.until > now) {
          if (entry.owned) owned.add(deviceId);
        } else unknown.push(deviceId);
      }
      if (unknown.length === 0) return owned;
      const found = await inner.ownedDevices(fleetId, unknown);
      for (const deviceId of unknown) {
        const isOwned = found.has(deviceId);
        if (isOwned) owned.add(deviceId);
        const key = `${fleetId}/${deviceId}`;
        entries.delete(key);
        entries.set(key, { owned: isOwned, until: now + (isOwned ? options.ttlMs : options.negativeTtlMs) });
      }
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      return owned;
    },
  };
}
