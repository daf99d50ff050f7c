import type { AlertEvents, AlertPorts, AlertRecords, ZoneStateStore } from '../domain/ports';
import type { OutboxEntry, ZoneState } from '../domain/zone-state';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An in-memory AlertState with DynamoDB's conditional-put semantics; every call yields, so calls interleave. */
export function memoryStateStore(): ZoneStateStore & { items: Map<string, ZoneState>; saves: number; conflicts: number } {
  const items = new Map<string, ZoneState>();
  const store = {
    items,
    saves: 0,
    conflicts: 0,
    async load(fleetId: string, zoneIds: readonly string[]) {
      await tick();
      const found = new Map<string, ZoneState>();
      for (const zoneId of zoneIds) {
        const item = items.get(`${fleetId}/${zoneId}`);
        if (item) found.set(zoneId, structuredClone(item));
      }
      return found;
    },
    async save(state: ZoneState): Promise<ZoneState | 'conflict'> {
      await tick();
      const key = `${state.fleetId}/${state.zoneId}`;
      if ((items.get(key)?.version ?? 0) !== state.version) {
        store.conflicts += 1;
        return 'conflict';
      }
      store.saves += 1;
      const stored = { ...structuredClone(state), version: state.version + 1 };
      items.set(key, stored);
      return structuredClone(stored);
    },
  };
  return store;
}

/** Records what was published; `fail` decides per entry whether it is refused. */
export function memoryEvents(fail: (entry: OutboxEntry) => boolean = () => false): AlertEvents & { published: OutboxEntry[] } {
  const published: OutboxEntry[] = [];
  return {
    published,
    async publish(entries) {
      await tick();
      const failed = new Set<string>();
      for (const entry of entries) {
        if (fail(entry)) failed.add(entry.key);
        else published.push(entry);
      }
      return { failed };
    },
  };
}

export function memoryRecords(): AlertRecords & { applied: OutboxEntry[] } {
  const applied: OutboxEntry[] = [];
  return {
    applied,
    async apply(entry) {
      applied.push(entry);
    },
  };
}

export function memoryPorts(events = memoryEvents()) {
  const ports = { states: memoryStateStore(), records: memoryRecords(), events };
  return ports satisfies AlertPorts;
}
