import { putEventsEntrySize } from '@pulse/schemas';
import type { AcceptedEvent } from '../world/bus-recorder';

/** The PutEvents entry size EventBridge bills (64 KB chunks) for an accepted event. */
export function entryBytes(event: AcceptedEvent): number {
  return putEventsEntrySize({
    Source: event.source,
    DetailType: event['detail-type'],
    Detail: JSON.stringify(event.detail),
    Resources: event.resources,
    Time: 'set',
  });
}

/** Readings an event carries: `data.readings`, or ReadingsStored's `data.count`. */
export function readingsIn(event: { detail: unknown }): number {
  const data = (event.detail as { data?: { readings?: unknown[]; count?: number } } | undefined)?.data;
  if (Array.isArray(data?.readings)) return data.readings.length;
  if (typeof data?.count === 'number') return data.count;
  return 0;
}
