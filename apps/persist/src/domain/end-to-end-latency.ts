import type { ReadingsStoredV1Data } from '@pulse/schemas';

/**
 * From ingest accepting the batch (receivedAt: one per event, so the batch's earliest) to persist
 * storing it (storedAt): the pipeline's end-to-end latency. Ingest and persist run on different
 * hosts whose clocks may disagree by a few ms, so a negative difference counts as zero.
 */
export function endToEndLatencyMs(stored: Pick<ReadingsStoredV1Data, 'receivedAt' | 'storedAt'>): number {
  return Math.max(0, stored.storedAt - stored.receivedAt);
}
