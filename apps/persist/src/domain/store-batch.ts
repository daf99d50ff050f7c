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
 * Stores one enriched batch: every reading (idempotent overwrite by key) and, at the same time,
 * one conditional ZoneStatus write per zone. Any failure rejects, once every write has finished:
 * the event is redelivered, and both writes are safe to repeat.
 *
 * Why not readings first: it cost a round trip per invocation, for an order no reader relies
 * on. A status carries its own AQI, category and dominant pollutant (list-zones and the
 * dashboard show those, never the reading behind them), and it already outlives its reading
 * (readings expire, statuses do not). If the readings write fails after the status landed, the
 * status is ahead of the table until the redelivery stores the reading (the redelivered status
 * write is then skipped as "the same or newer"); ReadingsStored still goes out only after both.
 */
export async function storeBatch(data: ReadingsEnrichedV1Data, ports: StorePorts, retentionDays: number): Promise<StoreOutcome> {
  const storedAt = ports.clock.now();
  const readings = dedupeReadings(data.readings);
  const items = readings.map((r) => toReadingItem(data.fleetId, r, { receivedAt: data.receivedAt, storedAt, retentionDays }));
  const statuses = latestZoneStatuses(data.fleetId, readings, storedAt);
  // putAll is called first: a writer that refuses an item as it builds the request (a number
  // DynamoDB cannot be sent exactly) throws before any status write has started.
  const readingsWrite = ports.readings.putAll(items);
  const statusWrites = allFinished(statuses.map((status) => ports.zoneStatus.putIfNewer(status)));
  const [writes, written] = await bothFinished(readingsWrite, statusWrites);
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

/**
 * Promise.all that rejects only once every write has settled, so no write of a failed
 * invocation is still in flight when it ends (Lambda would freeze it into the next one).
 */
async function allFinished<T>(writes: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(writes);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

async function bothFinished<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await allFinished<A | B>([a, b]);
  return [first as A, second as B];
}
