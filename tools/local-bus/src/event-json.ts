import type { BusEvent } from './model';

const serialized = new WeakMap<BusEvent, string>();

/**
 * An event's JSON, made once per event object. The archive line, the archive's size count, the
 * journal line of each matching rule and the tail stream all carry the same text; a batch of
 * readings is tens of KB, so serialising it once instead of three or four times is most of the
 * bus's CPU per event. Events are never mutated once built (a replay makes new ones).
 */
export function eventJson(event: BusEvent): string {
  let json = serialized.get(event);
  if (json === undefined) {
    json = JSON.stringify(event);
    serialized.set(event, json);
  }
  return json;
}
