import { fullJitterDelay } from '@pulse/service-kit';
import { chunk, type BatchWriteOptions } from './batch-writer';

/** DynamoDB's BatchGetItem limit. */
export const MAX_KEYS_PER_BATCH_GET = 100;

/** Sends one BatchGetItem call; resolves to the items found and the keys DynamoDB left unprocessed. */
export type SendBatchGet<K, T> = (keys: readonly K[]) => Promise<{ readonly items: readonly T[]; readonly unprocessed: readonly K[] }>;

/** The same retry knobs as writes: rounds, full-jitter backoff, injectable sleep and random. */
export type BatchReadOptions = BatchWriteOptions;

/** Keys still unprocessed after the last attempt: the request fails rather than answer a page with holes. */
export class UnprocessedKeysError extends Error {
  constructor(
    readonly unprocessed: number,
    readonly attempts: number,
  ) {
    super(`${unprocessed} key(s) still unprocessed after ${attempts} BatchGetItem attempts`);
    this.name = 'UnprocessedKeysError';
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads every key in calls of at most 100, all calls of a round in parallel; unprocessed keys
 * (throttling) are re-packed and retried after an exponential backoff with full jitter. The
 * items come back in no particular order; keys with no item are simply absent.
 */
export async function readInBatches<K, T>(keys: readonly K[], send: SendBatchGet<K, T>, options: BatchReadOptions = {}): Promise<T[]> {
  const { maxAttempts = 6, sleep = realSleep } = options;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 50, maxDelayMs: options.maxDelayMs ?? 1000, random: options.random ?? Math.random };
  const found: T[] = [];
  let pending: readonly K[] = keys;
  let attempts = 0;
  while (pending.length > 0) {
    if (attempts === maxAttempts) throw new UnprocessedKeysError(pending.length, attempts);
    attempts += 1;
    if (attempts > 1) await sleep(fullJitterDelay(attempts - 1, backoff));
    const results = await Promise.all(chunk(pending, MAX_KEYS_PER_BATCH_GET).map((c) => send(c)));
    for (const result of results) found.push(...result.items);
    pending = results.flatMap((result) => result.unprocessed);
  }
  return found;
}
