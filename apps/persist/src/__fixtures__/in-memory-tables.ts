import { writeInBatches, type BatchWriteOptions } from '../domain/batch-writer';
import type { ReadingsWriter, ZoneReadingsQuery, ZoneReadingsReader, ZoneStatusWriter } from '../domain/ports';
import { deviceKey, idOfKey, zoneKey, type ReadingItem } from '../domain/reading-item';
import { isNewer, type ZoneStatus } from '../domain/zone-status';

/** Fakes with DynamoDB's semantics for the domain specs: puts overwrite by key, calls are recorded. */
export function inMemoryReadings(options: BatchWriteOptions = {}) {
  const items = new Map<string, ReadingItem>();
  const calls: number[] = [];
  const writer: ReadingsWriter = {
    putAll: (all) =>
      writeInBatches(
        all,
        async (chunk) => {
          const keys = chunk.map((i) => `${i.pk}|${i.ts}`);
          if (new Set(keys).size !== keys.length) throw new Error('ValidationException: duplicate key in one BatchWriteItem');
          calls.push(chunk.length);
          for (const item of chunk) items.set(`${item.pk}|${item.ts}`, item);
          return [];
        },
        options,
      ),
  };
  return { writer, items, calls };
}

export function inMemoryZoneStatus() {
  const statuses = new Map<string, ZoneStatus>();
  const writer: ZoneStatusWriter = {
    async putIfNewer(status) {
      const key = `${status.fleetId}|${status.zoneId}`;
      const current = statuses.get(key);
      if (current && !isNewer(status, current)) return false;
      statuses.set(key, status);
      return true;
    },
  };
  return { writer, statuses };
}

/**
 * The zone index over stored items, with its semantics: the zone's items with since ≤ ts ≤ until,
 * newest first (ties by pk, descending), strictly after `before`. Queries are recorded.
 */
export function inMemoryZoneReadings(stored: readonly ReadingItem[]) {
  const queries: ZoneReadingsQuery[] = [];
  const newestFirst = [...stored].sort((a, b) => b.ts - a.ts || (a.pk < b.pk ? 1 : a.pk > b.pk ? -1 : 0));
  const reader: ZoneReadingsReader = {
    async zoneReadings(query) {
      queries.push(query);
      const zk = zoneKey(query.fleetId, query.zoneId);
      let matching = newestFirst.filter((i) => i.zoneKey === zk && i.ts >= query.since && i.ts <= query.until);
      if (query.before) {
        const start = { ts: query.before.ts, pk: deviceKey(query.fleetId, query.before.deviceId) };
        matching = matching.filter((i) => i.ts < start.ts || (i.ts === start.ts && i.pk < start.pk));
      }
      const items = matching.slice(0, query.limit);
      const last = items[items.length - 1];
      return matching.length > query.limit ? { items, next: { ts: last.ts, deviceId: idOfKey(last.pk) } } : { items };
    },
    async hasZoneReadings(fleetId, zoneId, since) {
      return stored.some((i) => i.zoneKey === zoneKey(fleetId, zoneId) && i.ts >= since);
    },
  };
  return { reader, queries };
}
