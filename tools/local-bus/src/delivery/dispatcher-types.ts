import type { UndeliverableRecord } from '../journal/journal-records';
import type { Delivery, Dispatcher, TargetInvoker } from '../model';

export interface DispatcherOptions {
  /** Where the journal lives; without one, deliveries are kept in memory only. */
  readonly directory?: string;
  readonly invoker: TargetInvoker;
  /** Wall-clock milliseconds; injectable for tests. */
  readonly clock?: () => number;
  /** Bus seconds per real second (3600 = an hour per second): divides backoff timers, multiplies event ages. */
  readonly timeScale?: number;
  /** [0, 1) source for backoff jitter. */
  readonly random?: () => number;
  /** Journal lines appended before the running journal is rewritten without acknowledged work. */
  readonly compactJournalAfterLines?: number;
  /** Deliveries being attempted at once; the rest wait their turn. */
  readonly maxInFlight?: number;
  readonly onDelivered?: (delivery: Delivery, attempts: number) => void;
  /** Called once a failed delivery reached its DLQ, or was recorded as undeliverable (`queue` undefined). */
  readonly onDeadLetter?: (delivery: Delivery, attributes: Readonly<Record<string, string>>, queue: string | undefined) => void;
  /** Called when a retry is scheduled: `retry` counts from 1, `delayMs` is in bus time. */
  readonly onRetryScheduled?: (delivery: Delivery, retry: number, delayMs: number) => void;
  /** Where warnings go; stderr by default. */
  readonly log?: (line: string) => void;
}

export interface DispatcherStats {
  /** Accepted and not yet acknowledged (waiting, in flight or between retries). */
  readonly pending: number;
  readonly inFlight: number;
  /** Deliveries a previous run left unacknowledged in the journal, taken up again by `start`. */
  readonly recovered: number;
  readonly delivered: number;
  readonly retries: number;
  readonly deadLettered: number;
  readonly dlqSendFailures: number;
  /** Failed deliveries whose target has no DLQ: never dropped silently. */
  readonly undeliverable: readonly UndeliverableRecord[];
}

export interface RunningDispatcher extends Dispatcher {
  /** Opens (and compacts) the journal and re-delivers what a previous run left unacknowledged. */
  start(): Promise<void>;
  /** Resolves when nothing is pending (or the dispatcher is closed). */
  drain(): Promise<void>;
  stats(): DispatcherStats;
  /** Stops timers and closes the journal; unfinished deliveries stay journaled for the next start. */
  close(): Promise<void>;
  /**
   * What a process kill does to it: deliveries in progress are abandoned (their outcome is never
   * acknowledged), retry timers die, journal lines not yet handed to the kernel are dropped and
   * their `enqueue` rejects. Whatever the journal holds is redelivered by the next `start`.
   */
  kill(): Promise<void>;
}
