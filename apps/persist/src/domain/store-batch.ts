import type { ReadingsEnrichedV1Data, ReadingsStoredV1Data } from '@pulse/schemas';
import type { Clock } from '@pulse/service-kit';
import type { BatchWriteStats } from './batch-writer';
import { dedupeReadings } from './dedupe-readings';
import type { ReadingsWriter, ZoneStatusWriter } from './ports';
import { toReadingItem } from './reading-item';
import { latestZoneStatuses } from './zone-status';

export interface StorePorts {
  readonly readings: ReadingsWriter;
  readonly zoneStatus: ZoneStatusWriter;
  readonly clock: Clock;
}

export interface StoreOutcome {
  /** The ReadingsStored data to publish. */
  readonly stored: ReadingsStoredV1Data;
  readonly writes: BatchWriteStats;
  /** Zone statuses written / skipped because a newer one was already stored. */
  readonly zonesUpdated: number;
  readonly zonesSkipped: number;
}

/**
 * Stores one enriched batch: every reading (idempotent overwrite by key), then one
 * conditional ZoneStatus write per zone. Readings go first so a status never points at a
 * reading that is not stored. Any failure rejects: the event is redelivered, and both
 * writes are safe to repeat.
 */
export async function storeBatch(data: ReadingsEnrichedV1Data, ports: StorePorts, retentionDays: number): Promise<StoreOutcome> {
  const storedAt = ports.clock.now();
  const readings = dedupeReadings(data.readings);
  const items = readings.map((r) => toReadingItem(data.fleetId, r, { receivedAt: data.receivedAt, storedAt, retentionDays }));
  const writes = await ports.readings.putAll(items);
  const statuses = latestZoneStatuses(data.fleetId, readings, storedAt);
  const written = await Promise.all(statuses.map((status) => ports.zoneStatus.putIfNewer(status)));
  const zonesUpdated = written.filter(Boolean).length;
  return {
    stored: {
      fleetId: data.fleetId,
      // One incoming event has one receivedAt: the earliest of the batch by construction.
      receivedAt: data.receivedAt,
      storedAt,
      count: readings.length,
      readingIds: readings.map((r) => r.readingId),
      zoneIds: statuses.map((s) => s.zoneId),
    },
    writes,
    zonesUpdated,
    zonesSkipped: statuses.length - zonesUpdated,
  };
}
