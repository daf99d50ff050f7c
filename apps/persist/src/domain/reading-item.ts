import type { EnrichedReading } from '@pulse/schemas';

/**
 * One stored reading as it lies in the Readings table.
 *
 * Identity: readingId = `<deviceId>@<ts>`, so (fleet, device, ts) IS the reading and a
 * second write of it overwrites the first. `readingId`, `deviceId` and `zoneId` are not
 * stored: they are derivable from `pk`, `ts` and `zoneKey`, and every byte counts twice
 * for zoned readings (table + index), which keeps the worst case under 1 KB = 1 WRU.
 */
export interface ReadingItem {
  /** `<fleetId>#<deviceId>`: one device's readings, sorted by ts. */
  readonly pk: string;
  readonly ts: number;
  /** `<fleetId>#<zoneId>`, absent for readings without a zone: the byZone index is sparse. */
  readonly zoneKey?: string;
  readonly registered: boolean;
  readonly location: EnrichedReading['location'];
  readonly measurements: EnrichedReading['measurements'];
  readonly aqi: EnrichedReading['aqi'];
  readonly quality: EnrichedReading['quality'];
  readonly receivedAt: number;
  readonly storedAt: number;
  /** TTL attribute, epoch seconds (DynamoDB TTL wants seconds, not ms). */
  readonly expiresAt: number;
}

export interface ItemStamps {
  readonly receivedAt: number;
  readonly storedAt: number;
  readonly retentionDays: number;
}

const DAY_MS = 86_400_000;

/** Fleet and device ids cannot contain '#' (see their patterns), so the key splits back unambiguously. */
export const deviceKey = (fleetId: string, deviceId: string): string => `${fleetId}#${deviceId}`;
export const zoneKey = (fleetId: string, zoneId: string): string => `${fleetId}#${zoneId}`;
/** The device or zone id of a `<fleetId>#<id>` key. */
export const idOfKey = (key: string): string => key.slice(key.indexOf('#') + 1);

/** Retention counts from the reading's own time, so expiry and the read-side floor agree. */
export function expiresAtFor(ts: number, retentionDays: number): number {
  return Math.floor((ts + retentionDays * DAY_MS) / 1000);
}

/** The oldest ts still inside retention at `now`: reads never show what TTL would have deleted. */
export function retentionFloor(now: number, retentionDays: number): number {
  return Math.max(0, now - retentionDays * DAY_MS);
}

export function toReadingItem(fleetId: string, reading: EnrichedReading, stamps: ItemStamps): ReadingItem {
  return {
    pk: deviceKey(fleetId, reading.deviceId),
    ts: reading.ts,
    ...(reading.zoneId !== null ? { zoneKey: zoneKey(fleetId, reading.zoneId) } : {}),
    registered: reading.registered,
    location: reading.location,
    measurements: reading.measurements,
    aqi: reading.aqi,
    quality: reading.quality,
    receivedAt: stamps.receivedAt,
    storedAt: stamps.storedAt,
    expiresAt: expiresAtFor(reading.ts, stamps.retentionDays),
  };
}
