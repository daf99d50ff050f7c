export interface BackoffOptions {
  /** Delay cap for the first retry; doubles with each attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** [0, 1); injectable so tests are deterministic. */
  readonly random: () => number;
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(max, base · 2^(retry-1))).
 * Full jitter spreads retries of many concurrent Lambdas, which is what relieves a
 * throttled bus (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
export function fullJitterDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(options.random() * ceiling);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
