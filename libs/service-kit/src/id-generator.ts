import { randomUUID } from 'node:crypto';

/** The id port: batch ids and other opaque identifiers come from here, so tests can pin them. */
export interface IdGenerator {
  next(): string;
}

export const randomIds: IdGenerator = { next: () => randomUUID() };

/** Predictable ids for tests: `<prefix>-1`, `<prefix>-2`, … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let counter = 0;
  return { next: () => `${prefix}-${++counter}` };
}
