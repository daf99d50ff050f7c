import type { ReceivedReading } from '@pulse/schemas';

export interface Collapsed {
  readonly readings: ReceivedReading[];
  /** Copies of a readingId already in the batch. */
  readonly duplicatesRemoved: number;
}

/**
 * One reading per readingId: a repeated readingId is the same reading (same device, same
 * instant), so it is stored once. The last copy wins, as a second write of the same
 * readingId would overwrite the first in storage; the reading keeps its first position.
 */
export function collapseDuplicates(readings: readonly ReceivedReading[]): Collapsed {
  const byId = new Map<string, ReceivedReading>();
  for (const reading of readings) byId.set(reading.readingId, reading);
  return { readings: [...byId.values()], duplicatesRemoved: readings.length - byId.size };
}
