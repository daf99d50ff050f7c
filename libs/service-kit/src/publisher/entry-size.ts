import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { MAX_PUT_EVENTS_ENTRY_BYTES, putEventsEntrySize } from '@pulse/schemas';

/** PutEvents limits: at most 10 entries per call, at most 256 KB of entries per call. */
export const MAX_ENTRIES_PER_CALL = 10;
export const MAX_CALL_BYTES = MAX_PUT_EVENTS_ENTRY_BYTES;

/**
 * The size EventBridge charges an entry against the 256 KB limit, by the one formula the
 * contracts' batch limits are computed with (see @pulse/schemas putEventsEntrySize).
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  return putEventsEntrySize({ ...entry, Source: entry.Source ?? '', DetailType: entry.DetailType ?? '' });
}
