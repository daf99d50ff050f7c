import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** PutEvents limits: at most 10 entries per call, at most 256 KB of entries per call. */
export const MAX_ENTRIES_PER_CALL = 10;
export const MAX_CALL_BYTES = 256 * 1024;

/** EventBridge counts any `Time` as 14 bytes, whatever its serialised form. */
const TIME_BYTES = 14;

/**
 * The size EventBridge charges an entry against the 256 KB limit ("Calculating PutEvents
 * event entry size"): 14 bytes for Time if set, plus the UTF-8 bytes of Source, DetailType,
 * Detail and each Resource. EventBusName and the JSON framing do not count.
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? TIME_BYTES : 0;
  size += utf8(entry.Source) + utf8(entry.DetailType) + utf8(entry.Detail);
  for (const resource of entry.Resources ?? []) size += utf8(resource);
  return size;
}

function utf8(value: string | undefined): number {
  return value === undefined ? 0 : Buffer.byteLength(value, 'utf8');
}
