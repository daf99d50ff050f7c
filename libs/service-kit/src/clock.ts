/**
 * The clock port. Every service reads time through it, so tests and the simulator can
 * run hours of behaviour in seconds.
 */
export interface Clock {
  /** Epoch milliseconds, UTC. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock stuck at one instant. */
export function fixedClock(epochMs: number): Clock {
  return { now: () => epochMs };
}

export interface ManualClock extends Clock {
  /** Moves time forward (or back, with a negative value) and returns the new time. */
  advance(ms: number): number;
  set(epochMs: number): void;
}

/** A clock that moves only when told to: for tests of windows, TTLs and timeouts. */
export function manualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
      return current;
    },
    set(epochMs: number) {
      current = epochMs;
    },
  };
}

export function isoTime(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
