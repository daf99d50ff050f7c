import type { EnrichedReading } from '@pulse/schemas';
import { idOfKey, type ReadingItem } from './reading-item';

/** What the read API returns for one reading: the enriched reading plus when it was stored. */
export type StoredReading = EnrichedReading & { readonly receivedAt: number; readonly storedAt: number };

/** Rebuilds the ids the item does not store (see ReadingItem). */
export function fromReadingItem(item: ReadingItem): StoredReading {
  const deviceId = idOfKey(item.pk);
  return {
    readingId: `${deviceId}@${item.ts}`,
    deviceId,
    ts: item.ts,
    registered: item.registered,
    zoneId: item.zoneKey === undefined ? null : idOfKey(item.zoneKey),
    location: item.location,
    measurements: item.measurements,
    aqi: item.aqi,
    quality: item.quality,
    receivedAt: item.receivedAt,
    storedAt: item.storedAt,
  };
}

