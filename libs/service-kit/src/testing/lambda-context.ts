import type { Context } from 'aws-lambda';
import type { Clock } from '../clock';
import defaults from './fixtures/lambda-context.json';

export interface LambdaContextOptions extends Partial<Omit<Context, 'getRemainingTimeInMillis'>> {
  /** The function timeout the deadline is computed from. Default 30 s. */
  readonly timeoutMs?: number;
  /** The clock the remaining time is read from. Default: real time. */
  readonly clock?: Clock;
}

/** The one shared Lambda context fixture: a full Context whose remaining time runs down. */
export function lambdaContext(options: LambdaContextOptions = {}): Context {
  const { timeoutMs = 30_000, clock = { now: () => Date.now() }, ...overrides } = options;
  const deadline = clock.now() + timeoutMs;
  return {
    ...defaults,
    ...overrides,
    getRemainingTimeInMillis: () => Math.max(0, deadline - clock.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
