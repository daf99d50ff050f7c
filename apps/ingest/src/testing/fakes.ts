// In-memory ports for specs and the bench: never imported by a handler.
import type { DeviceOwnership } from '../domain/device-ownership';
import type { DeviceRecord, DeviceRepository } from '../domain/device-registration';
import type { RateStateStore, RateStateWrite } from '../domain/shared-fleet-rate-limiter';
import type { IngestMetrics } from '../wiring/ingest-metrics';
import type { LogPort } from '../wiring/log-port';

/** Ownership from a fixed map of fleet → devices, counting lookups. */
export function fakeOwnership(owned: Record<string, readonly string[]>): DeviceOwnership & { lookups: string[][] } {
  const lookups: string[][] = [];
  return {
    lookups,
    async ownedDevices(fleetId, deviceIds) {
      lookups.push([...deviceIds]);
      const fleet = new Set(owned[fleetId] ?? []);
      return new Set(deviceIds.filter((id) => fleet.has(id)));
    },
  };
}

export function recordingMetrics(): IngestMetrics & { counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const add = (name: string, n: number) => {
    if (n > 0) counts[name] = (counts[name] ?? 0) + n;
  };
  return {
    counts,
    accepted: (channel, n) => add(`accepted:${channel}`, n),
    rejected: (byRule) => Object.entries(byRule).forEach(([rule, n]) => add(`rejected:${rule}`, n)),
    publishRetries: (n) => add('publishRetries', n),
    malformed: (channel, n) => add(`malformed:${channel}`, n),
    rateLimiterUnavailable: () => add('rateLimiterUnavailable', 1),
  };
}

export function recordingLogger(): LogPort & { lines: { level: string; message: string; extra: unknown[] }[] } {
  const lines: { level: string; message: string; extra: unknown[] }[] = [];
  const log = (level: string) => (message: unknown, ...extra: unknown[]) => void lines.push({ level, message: String(message), extra });
  return { lines, info: log('info'), warn: log('warn') } as LogPort & { lines: typeof lines };
}

export function memoryDevices(initial: DeviceRecord[] = []): DeviceRepository & { items: Map<string, DeviceRecord> } {
  const items = new Map(initial.map((d) => [d.deviceId, d]));
  return {
    items,
    async getDevice(deviceId) {
      return items.get(deviceId);
    },
    async saveDevice(record, expectedRevision) {
      if (items.get(record.deviceId)?.revision !== expectedRevision) return false;
      items.set(record.deviceId, record);
      return true;
    },
  };
}

/** A valid reading at `epochMs` for a device (PM and climate). */
export function reading(deviceId: string, epochMs: number, measurements: Record<string, number> = { pm25: 12.5, humidity: 40 }) {
  return { deviceId, timestamp: new Date(epochMs).toISOString(), measurements };
}

/**
 * The RateLimits table's conditions over a Map (the dynalite test covers the real one), logging
 * each write; `failing` makes every call throw, as a throttled or unreachable table would.
 */
export function memoryRateState(): RateStateStore & { tats: Map<string, number>; writes: string[]; failing: boolean } {
  const tats = new Map<string, number>();
  const state = {
    tats,
    writes: [] as string[],
    failing: false,
    async restart(fleetId: string, now: number, tat: number): Promise<RateStateWrite> {
      write(`restart ${fleetId}`);
      const stored = tats.get(fleetId);
      if (stored !== undefined && stored >= now) return { applied: false, tat: stored };
      tats.set(fleetId, tat);
      return { applied: true, tat };
    },
    async advance(fleetId: string, now: number, interval: number, ceiling: number): Promise<RateStateWrite> {
      write(`advance ${fleetId}`);
      const stored = tats.get(fleetId);
      if (stored === undefined || stored < now || stored > ceiling) return { applied: false, tat: stored };
      tats.set(fleetId, stored + interval);
      return { applied: true, tat: stored + interval };
    },
  };
  function write(what: string) {
    if (state.failing) throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException' });
    state.writes.push(what);
  }
  return state;
}
