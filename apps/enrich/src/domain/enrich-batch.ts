import type { ReadingsEnrichedV1Data, ReadingsNormalizedV1Data } from '@pulse/schemas';
import type { DeviceLookup } from './device-ports';
import { enrichReading } from './enrich-reading';

export interface EnrichStats {
  readonly readings: number;
  readonly unregistered: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
}

export interface EnrichBatchResult {
  readonly data: ReadingsEnrichedV1Data;
  readonly stats: EnrichStats;
}

/**
 * Enriches a normalized batch: one device lookup for the batch's distinct devices, then
 * every reading in order, none dropped. The batch keeps its fleet and receivedAt.
 */
export async function enrichBatch(batch: ReadingsNormalizedV1Data, lookup: DeviceLookup): Promise<EnrichBatchResult> {
  const { devices, cacheHits, cacheMisses } = await lookup.lookup(
    batch.fleetId,
    batch.readings.map((r) => r.deviceId),
  );
  const readings = batch.readings.map((reading) => enrichReading(reading, devices.get(reading.deviceId)));
  const unregistered = readings.reduce((n, r) => (r.registered ? n : n + 1), 0);
  return {
    data: { fleetId: batch.fleetId, receivedAt: batch.receivedAt, readings },
    stats: { readings: readings.length, unregistered, cacheHits, cacheMisses },
  };
}
