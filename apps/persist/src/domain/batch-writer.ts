import { fullJitterDelay } from '@pulse/service-kit';

/** DynamoDB's BatchWriteItem limit. */
export const MAX_ITEMS_PER_BATCH_WRITE = 25;

/** Sends one BatchWriteItem call; resolves to the items DynamoDB left unprocessed. */
export type SendBatch<T> = (items: readonly T[]) => Promise<readonly T[]>;

export interface BatchWriteOptions {
  /** Rounds including the first. Default 6. */
  readonly maxAttempts?: number;
  /** Full-jitter ceiling of the first retry, doubling per retry. Default 50 ms. */
  readonly baseDelayMs?: number;
  /** Default 1 000 ms: the whole loop stays far below the function timeout. */
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export interface BatchWriteStats {
  readonly items: number;
  readonly calls: number;
  readonly attempts: number;
  /** Item re-sends, summed over retry rounds. */
  readonly retried: number;
}

/** Items still unprocessed after the last attempt: the caller fails and the event is retried. */
export class UnprocessedItemsError extends Error {
  constructor(
    readonly unprocessed: number,
    readonly attempts: number,
  ) {
    super(`${unprocessed} item(s) still unprocessed after ${attempts} BatchWriteItem attempts`);
    this.name = 'UnprocessedItemsError';
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes every item in calls of at most 25, all calls of a round in parallel; what comes
 * back unprocessed (throttling, partition limits) is re-packed and retried after an
 * exponential backoff with full jitter. Items must have distinct keys (dedupe first).
 * Errors thrown by a call propagate: the SDK has already retried it.
 */
export async function writeInBatches<T>(items: readonly T[], send: SendBatch<T>, options: BatchWriteOptions = {}): Promise<BatchWriteStats> {
  const { maxAttempts = 6, sleep = realSleep } = options;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 50, maxDelayMs: options.maxDelayMs ?? 1000, random: options.random ?? Math.random };
  let pending: readonly T[] = items;
  let calls = 0;
  let attempts = 0;
  let retried = 0;
  while (pending.length > 0) {
    if (attempts === maxAttempts) throw new UnprocessedItemsError(pending.length, attempts);
    attempts += 1;
    if (attempts > 1) {
      retried += pending.length;
      await sleep(fullJitterDelay(attempts - 1, backoff));
    }
    const chunks = chunk(pending, MAX_ITEMS_PER_BATCH_WRITE);
    calls += chunks.length;
    pending = (await Promise.all(chunks.map((c) => send(c)))).flat();
  }
  return { items: items.length, calls, attempts, retried };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
