import type { EnrichedReading } from '@pulse/schemas';

/**
 * One reading per readingId (= per table key). DynamoDB rejects a BatchWriteItem call that
 * names one key twice (ValidationException), and both copies are the same reading anyway;
 * the later copy in the batch wins, as it would if written one after the other.
 */
export function dedupeReadings(readings: readonly EnrichedReading[]): EnrichedReading[] {
  const byId = new Map<string, EnrichedReading>();
  for (const reading of readings) {
    byId.delete(reading.readingId);
    byId.set(reading.readingId, reading);
  }
  return [...byId.values()];
}
