import { writeInBatches, type BatchWriteOptions } from '../domain/batch-writer';
import type { ReadingsWriter, ZoneStatusWriter } from '../domain/ports';
import type { ReadingItem } from '../domain/reading-item';
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
