/**
 * The sender's clock port: real time in the CLI, virtual time in tests so rates,
 * Retry-After waits and durations of minutes run in milliseconds.
 */
export interface SimClock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: SimClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface VirtualClock extends SimClock {
  /** Every sleep requested, in order (what a test asserts Retry-After against). */
  readonly sleeps: number[];
}

/**
 * Time moves only when someone sleeps: a sleep jumps the clock forward by its duration,
 * then yields a macrotask so real I/O (a test's HTTP server) can progress meanwhile.
 */
export function virtualClock(startMs = Date.UTC(2026, 0, 1)): VirtualClock {
  let current = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => current,
    sleep(ms: number) {
      sleeps.push(ms);
      current += Math.max(0, ms);
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
