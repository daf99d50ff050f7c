import { randomUUID } from 'node:crypto';
import { eventJson } from '../event-json';
import { openDeliveryJournal, type DeliveryJournal } from '../journal/delivery-journal';
import type { DeadLetterAttributes, JournalEntry, UndeliverableRecord } from '../journal/journal-records';
import type { Delivery } from '../model';
import { backoffDelayMs } from './backoff';
import {
  classifyError,
  deadLetterAttributes,
  isRetriable,
  type DeliveryError,
  type ExhaustedCondition,
} from './dead-letter-attributes';
import type { DispatcherOptions, DispatcherStats, RunningDispatcher } from './dispatcher-types';
import { sendToTarget } from './send-to-target';

/** A journaled delivery while this process works on it. */
interface Task {
  readonly entry: JournalEntry;
  attempts: number;
  lastError?: DeliveryError;
  deadLetter?: DeadLetterAttributes;
  dlqSendFailures: number;
}

const DEFAULT_MAX_IN_FLIGHT = 256;
/** A failed journal write is retried after 4–8 bus-seconds. */
const JOURNAL_RETRY_STEP = 3;
/** Retries of a failing DLQ send stop growing at the 10th step (about 10 bus-minutes apart). */
const DLQ_BACKOFF_MAX_STEP = 10;

export function createDispatcher(options: DispatcherOptions): RunningDispatcher {
  const clock = options.clock ?? Date.now;
  const timeScale = options.timeScale ?? 1;
  const random = options.random ?? Math.random;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const log = options.log ?? ((line: string) => process.stderr.write(`[local-bus] ${line}\n`));
  if (!(timeScale > 0)) throw new RangeError(`timeScale must be > 0, got ${timeScale}`);

  const pending = new Map<string, Task>();
  const ready: Task[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const undeliverable: UndeliverableRecord[] = [];
  let drainWaiters: Array<() => void> = [];
  let inFlight = 0;
  const counts = { recovered: 0, delivered: 0, retries: 0, deadLettered: 0, dlqSendFailures: 0 };
  let opened: DeliveryJournal | undefined;
  let starting: Promise<void> | undefined;
  let closed = false;

  /** Deliveries only run after `start` opened the journal. */
  const journal = (): DeliveryJournal => {
    if (opened === undefined) throw new Error('The dispatcher has not been started.');
    return opened;
  };

  /** How old the delivery is on the bus's (scaled) clock. */
  const ageMs = (task: Task) => (clock() - task.entry.acceptedAt) * timeScale;

  function admit(entry: JournalEntry): void {
    const task: Task = { entry, attempts: 0, dlqSendFailures: 0, ...(entry.deadLetter ? { deadLetter: entry.deadLetter } : {}) };
    pending.set(entry.key, task);
    ready.push(task);
  }

  function pump(): void {
    while (!closed && inFlight < maxInFlight) {
      const task = ready.shift();
      if (task === undefined) return;
      inFlight += 1;
      void run(task)
        .catch((error: unknown) => {
          // Only journal I/O lands here (callbacks are guarded). The step is retried: at least once.
          if (closed || !pending.has(task.entry.key)) return;
          log(`journal write failed for event ${task.entry.delivery.event.id} (${String(error)}); will retry`);
          schedule(task, backoffDelayMs(JOURNAL_RETRY_STEP, random));
        })
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  }

  function run(task: Task): Promise<void> {
    const queue = task.entry.delivery.target.deadLetterQueue;
    // A journaled DLQ decision resumes at the DLQ; the target is not called again.
    return task.deadLetter !== undefined && queue !== undefined ? sendDeadLetter(task, queue, task.deadLetter) : attempt(task);
  }

  function schedule(task: Task, busDelayMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      ready.push(task);
      pump();
    }, busDelayMs / timeScale);
    timers.add(timer);
  }

  async function attempt(task: Task): Promise<void> {
    const { delivery } = task.entry;
    const policy = delivery.target.retryPolicy;
    const maxAgeMs = policy.maximumEventAgeSeconds * 1_000;
    if (ageMs(task) >= maxAgeMs) {
      const expired: DeliveryError = { code: 'EVENT_EXPIRED', message: 'The event is older than MaximumEventAgeInSeconds.' };
      return giveUp(task, task.lastError ?? expired, 'MaximumEventAgeInSeconds');
    }
    try {
      await sendToTarget(options.invoker, delivery);
    } catch (error) {
      if (closed) return;
      task.attempts += 1;
      task.lastError = classifyError(error);
      const retriesDone = task.attempts - 1;
      if (!isRetriable(task.lastError)) return giveUp(task, task.lastError, undefined);
      if (retriesDone >= policy.maximumRetryAttempts) return giveUp(task, task.lastError, 'MaximumRetryAttempts');
      const delay = backoffDelayMs(retriesDone, random);
      // Waiting past the age limit would only end in the DLQ later; go now.
      if (ageMs(task) + delay >= maxAgeMs) return giveUp(task, task.lastError, 'MaximumEventAgeInSeconds');
      counts.retries += 1;
      notify(() => options.onRetryScheduled?.(delivery, retriesDone + 1, delay));
      schedule(task, delay);
      return;
    }
    if (closed) return;
    task.attempts += 1;
    await journal().appendAck(task.entry.key, 'delivered');
    counts.delivered += 1;
    finish(task);
    notify(() => options.onDelivered?.(delivery, task.attempts));
  }

  async function giveUp(task: Task, error: DeliveryError, exhausted: ExhaustedCondition | undefined): Promise<void> {
    const { delivery } = task.entry;
    const attributes = deadLetterAttributes(delivery, error, exhausted, Math.max(0, task.attempts - 1));
    task.deadLetter = attributes;
    const queue = delivery.target.deadLetterQueue;
    if (queue !== undefined) {
      await journal().appendDeadLetter(task.entry.key, attributes);
      return sendDeadLetter(task, queue, attributes);
    }
    // AWS would drop it silently; Pulse keeps a record and says so loudly.
    log(
      `UNDELIVERABLE: event ${delivery.event.id} for ${delivery.target.arn} (rule ${delivery.ruleArn}) failed ` +
        `with ${error.code}: ${error.message}; the target has no dead-letter queue. Recorded in stats().undeliverable.`,
    );
    const record: UndeliverableRecord = {
      key: task.entry.key,
      at: new Date(clock()).toISOString(),
      ruleArn: delivery.ruleArn,
      targetArn: delivery.target.arn,
      attributes,
      event: delivery.event,
    };
    await journal().appendUndeliverable(record);
    undeliverable.push(record);
    await journal().appendAck(task.entry.key, 'undeliverable');
    finish(task);
    notify(() => options.onDeadLetter?.(delivery, attributes, undefined));
  }

  async function sendDeadLetter(task: Task, queue: string, attributes: DeadLetterAttributes): Promise<void> {
    const { delivery } = task.entry;
    try {
      await options.invoker.sendToQueue(queue, eventJson(delivery.event), attributes);
    } catch (error) {
      if (closed) return;
      // The record stays journaled; keep trying, as the event must not be lost.
      counts.dlqSendFailures += 1;
      task.dlqSendFailures += 1;
      log(`sending event ${delivery.event.id} to dead-letter queue ${queue} failed (${String(error)}); will retry`);
      schedule(task, backoffDelayMs(Math.min(task.dlqSendFailures - 1, DLQ_BACKOFF_MAX_STEP), random));
      return;
    }
    if (closed) return;
    await journal().appendAck(task.entry.key, 'dead-lettered');
    counts.deadLettered += 1;
    finish(task);
    notify(() => options.onDeadLetter?.(delivery, attributes, queue));
  }

  /** Observers must not disturb delivery: a throwing callback is logged, not retried. */
  function notify(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      log(`dispatcher callback threw: ${String(error)}`);
    }
  }

  function finish(task: Task): void {
    pending.delete(task.entry.key);
    if (pending.size === 0) {
      const waiters = drainWaiters;
      drainWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function start(): Promise<void> {
    if (starting === undefined && closed) return Promise.reject(new Error('The dispatcher is closed.'));
    starting ??= (async () => {
      const recovered = await openDeliveryJournal(options.directory, {
        ...(options.compactJournalAfterLines === undefined ? {} : { compactAfterLines: options.compactJournalAfterLines }),
      });
      opened = recovered.journal;
      undeliverable.push(...recovered.undeliverable);
      if (closed) return;
      for (const entry of recovered.pending) admit(entry);
      counts.recovered = recovered.pending.length;
      pump();
    })();
    return starting;
  }

  return {
    start,
    async enqueue(deliveries: readonly Delivery[]): Promise<void> {
      await start();
      if (closed) throw new Error('The dispatcher is closed.');
      const acceptedAt = clock();
      const entries = deliveries.map((delivery) => ({ key: randomUUID(), acceptedAt, delivery }));
      await journal().appendEnqueued(entries);
      if (closed) return;
      for (const entry of entries) admit(entry);
      pump();
    },
    async drain() {
      await start();
      if (closed || pending.size === 0) return;
      await new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
    stats: (): DispatcherStats => ({ pending: pending.size, inFlight, ...counts, undeliverable: [...undeliverable] }),
    async close() {
      stop();
      await starting?.catch(() => undefined);
      await opened?.close();
    },
    async kill() {
      stop();
      await starting?.catch(() => undefined);
      await opened?.abort();
    },
  };

  /** No delivery starts or resumes from here on; whoever waits for a drain is released. */
  function stop(): void {
    closed = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    ready.length = 0;
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
