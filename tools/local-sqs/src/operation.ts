import type { Input } from './input-reader';
import type { Clock } from './model';
import type { QueueStore } from './queue-store';

/** What every operation may use besides its input. */
export interface OperationContext {
  readonly store: QueueStore;
  readonly clock: Clock;
  queueUrl(name: string): string;
  /** The caller's access key id, reported as SenderId. */
  readonly senderId: string;
  /** Aborted when the caller goes away or the server closes: long polls stop waiting. */
  readonly signal: AbortSignal;
}

/** An operation's output, shaped as the JSON protocol returns it. */
export type Output = Record<string, unknown>;

export type Operation = (input: Input, context: OperationContext) => Output | Promise<Output>;
