import { systemClock, type Clock } from '../clock';
import { randomIds, type IdGenerator } from '../id-generator';
import { fullJitterDelay, realSleep } from './backoff';
import { buildEntries, type PublishableContract, type PublishOptions } from './build-entries';
import { packEntries } from './pack-entries';
import { PublishError, type FailedEntry } from './publish-errors';
import { sendCall, type PutEventsClient } from './send-call';

export interface PublisherOptions {
  /** Created once at module scope by the service (see `eventBridgeClient()`). */
  readonly client: PutEventsClient;
  readonly busName: string;
  /** When set, the publisher refuses contracts of another source: a service emits only its own events. */
  readonly source?: string;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Total attempts per entry, including the first. Default 4. */
  readonly maxAttempts?: number;
  /** Default 50 ms, doubling per retry, capped at maxDelayMs (default 2 000 ms). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Stamp each entry's Time from the clock. Default true. */
  readonly setTime?: boolean;
}

export interface PublishSummary {
  readonly entries: number;
  readonly calls: number;
  readonly attempts: number;
  /** Entry re-sends, summed over attempts. */
  readonly retries: number;
  /** Event ids in item order. */
  readonly eventIds: string[];
}

export interface Publisher {
  /** One event per item: detail = { metadata, data: item }. Resolves when every entry is accepted. */
  publish<T>(contract: PublishableContract<T>, items: readonly T[], options: PublishOptions<T>): Promise<PublishSummary>;
}

export function createPublisher(options: PublisherOptions): Publisher {
  const { client, busName, source, maxAttempts = 4, sleep = realSleep } = options;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 50, maxDelayMs: options.maxDelayMs ?? 2000, random: options.random ?? Math.random };
  const context = { busName, clock: options.clock ?? systemClock, ids: options.ids ?? randomIds, setTime: options.setTime ?? true };
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be an integer ≥ 1');

  return {
    async publish(contract, items, publishOptions) {
      if (source !== undefined && contract.source !== source) {
        throw new Error(`publisher for '${source}' cannot emit ${contract.name} (source '${contract.source}')`);
      }
      let pending = buildEntries(contract, items, publishOptions, context);
      const eventIds: (string | undefined)[] = new Array(items.length).fill(undefined);
      const failures = new Map<number, FailedEntry>();
      let calls = 0;
      let retries = 0;
      let attempts = 0;
      while (pending.length > 0 && attempts < maxAttempts) {
        attempts += 1;
        if (attempts > 1) {
          retries += pending.length;
          await sleep(fullJitterDelay(attempts - 1, backoff));
        }
        const batches = packEntries(pending);
        calls += batches.length;
        const outcomes = (await Promise.all(batches.map((batch) => sendCall(client, batch)))).flat();
        pending = [];
        for (const outcome of outcomes) {
          const { index } = outcome.entry;
          if ('eventId' in outcome) {
            eventIds[index] = outcome.eventId;
            failures.delete(index);
            continue;
          }
          failures.set(index, { index, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage });
          if (outcome.retryable) pending.push(outcome.entry);
        }
      }
      if (failures.size > 0) {
        throw new PublishError(contract.name, [...failures.values()].sort((a, b) => a.index - b.index), eventIds);
      }
      return { entries: items.length, calls, attempts, retries, eventIds: eventIds as string[] };
    },
  };
}
