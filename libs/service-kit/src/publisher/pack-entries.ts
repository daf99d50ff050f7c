import { MAX_CALL_BYTES, MAX_ENTRIES_PER_CALL } from './entry-size';

export interface Sized {
  readonly size: number;
}

/**
 * Packs entries, in order, into PutEvents calls of at most 10 entries and 256 KB.
 * Order-preserving first-fit keeps the result predictable; an entry larger than a
 * whole call is the caller's to reject before packing.
 */
export function packEntries<T extends Sized>(entries: readonly T[]): T[][] {
  const calls: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (entry.size > MAX_CALL_BYTES) throw new RangeError(`entry of ${entry.size} bytes exceeds ${MAX_CALL_BYTES}`);
    if (current.length === MAX_ENTRIES_PER_CALL || bytes + entry.size > MAX_CALL_BYTES) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += entry.size;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}
