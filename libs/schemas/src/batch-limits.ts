import { utf8Bytes } from './max-json-bytes';

/** EventBridge rejects a PutEvents entry larger than 256 KB (and a request larger than that in total). */
export const MAX_PUT_EVENTS_ENTRY_BYTES = 256 * 1024;

/**
 * Most readings one batch event (ReadingsReceived/Normalized/Enriched, and ReadingsStored's
 * id lists) may carry. Chosen from the worst case, not the typical one: the largest
 * possible ReadingsEnriched reading (every optional field, every id at its maximum
 * length, every number in its longest 24-character form) is 954 bytes of JSON, so 200
 * of them plus the 511-byte envelope is a 191,552-byte PutEvents entry (73% of 256 KB).
 * The headroom is deliberate: lowering this bound later would itself be a breaking
 * change, so optional fields can still be added; and the event a Lambda or a DLQ
 * receives is the entry plus EventBridge's own keys. A realistic batch of 200 is ~70 KB,
 * two 64 KB billing chunks and one Lambda invocation instead of 200.
 * batch-limits.spec.ts recomputes the worst case for every contract from its schema.
 */
export const MAX_READINGS_PER_EVENT = 200;

export interface PutEventsEntryLike {
  Source: string;
  DetailType: string;
  Detail?: string;
  Resources?: readonly string[];
  Time?: Date | string | number;
}

/** EventBridge's own formula: Time counts 14 bytes, the strings their UTF-8 length. */
export function putEventsEntrySize(entry: PutEventsEntryLike): number {
  let size = entry.Time === undefined ? 0 : 14;
  size += utf8Bytes(entry.Source) + utf8Bytes(entry.DetailType);
  if (entry.Detail !== undefined) size += utf8Bytes(entry.Detail);
  for (const resource of entry.Resources ?? []) size += utf8Bytes(resource);
  return size;
}

/** Splits items into consecutive batches of at most `max`, preserving order. */
export function splitIntoBatches<T>(items: readonly T[], max: number): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`batch size must be a positive integer, got ${max}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += max) batches.push(items.slice(i, i + max));
  return batches;
}

/** Readings in event-sized batches (MAX_READINGS_PER_EVENT unless told otherwise). */
export function chunkReadings<T>(readings: readonly T[], max = MAX_READINGS_PER_EVENT): T[][] {
  return splitIntoBatches(readings, max);
}
