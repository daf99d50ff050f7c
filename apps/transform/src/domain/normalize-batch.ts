import {
  QUALITY_CODES,
  type NormalizedReading,
  type QualityCode,
  type ReadingsNormalizedV1Data,
  type ReadingsReceivedV1Data,
} from '@pulse/schemas';
import { batchFlags } from './batch-flags';
import { collapseDuplicates } from './collapse-duplicates';
import { normalizeReading } from './normalize-reading';
import { readingFlags } from './reading-flags';

export interface NormalizeOutcome {
  readonly data: ReadingsNormalizedV1Data;
  /** How many readings carry each code (for the quality-flag metrics). */
  readonly flagCounts: Readonly<Partial<Record<QualityCode, number>>>;
}

const CODE_ORDER = new Map(QUALITY_CODES.map((code, index) => [code, index]));

/**
 * A received batch → the normalized batch: duplicates collapsed and counted, every other
 * reading kept, in canonical units, flagged with quality codes in QUALITY_CODES order.
 * Pure; throws InvalidBatchError for a batch ingest could not have produced.
 */
export function normalizeBatch(received: ReadingsReceivedV1Data): NormalizeOutcome {
  const { readings: unique, duplicatesRemoved } = collapseDuplicates(received.readings);
  const canonical = unique.map(normalizeReading);
  const fromBatch = batchFlags(canonical);
  const flagCounts: Partial<Record<QualityCode, number>> = {};
  const readings = canonical.map((reading, index): NormalizedReading => {
    const quality = [...readingFlags(reading.measurements), ...(fromBatch.get(index) ?? [])].sort(byCodeOrder);
    for (const code of quality) flagCounts[code] = (flagCounts[code] ?? 0) + 1;
    return { readingId: reading.readingId, deviceId: reading.deviceId, ts: reading.ts, measurements: reading.measurements, quality };
  });
  return {
    data: { fleetId: received.fleetId, receivedAt: received.receivedAt, readings, duplicatesRemoved },
    flagCounts,
  };
}

function byCodeOrder(a: QualityCode, b: QualityCode): number {
  return (CODE_ORDER.get(a) ?? 0) - (CODE_ORDER.get(b) ?? 0);
}
