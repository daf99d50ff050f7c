/**
 * The clock port. Every service reads time through it, so tests and the simulator can
 * run hours of behaviour in seconds.
 */
export interface Clock {
  /** Epoch milliseconds, UTC. */
  now(): number;
}

/**
 * Compressed time for the local runtime (`npm start --time-scale`): the whole pipeline then
 * runs alert windows and TTLs faster. In AWS none of these variables is set and time is real.
 */
export const TIME_SCALE_ENV = {
  scale: 'PULSE_TIME_SCALE',
  /** Real epoch ms at which the scaled clock read `origin`. */
  wallOrigin: 'PULSE_TIME_WALL_ORIGIN_MS',
  origin: 'PULSE_TIME_ORIGIN_MS',
} as const;

export interface TimeScale {
  /** Clock milliseconds per real millisecond (1 = real time). */
  readonly scale: number;
  readonly wallOriginMs: number;
  readonly originMs: number;
}

/** Time that runs `scale` times faster than `wall` from an anchor; monotonic when `wall` is. */
export function scaledClock(time: TimeScale, wall: () => number = Date.now): Clock {
  return { now: () => Math.round(time.originMs + (wall() - time.wallOriginMs) * time.scale) };
}

/** The time scale the environment asks for; undefined for real time. A malformed value fails by name. */
export function timeScaleFromEnvironment(env: Readonly<Record<string, string | undefined>>): TimeScale | undefined {
  const text = env[TIME_SCALE_ENV.scale];
  if (text === undefined || text === '') return undefined;
  const scale = Number(text);
  const wallOriginMs = Number(env[TIME_SCALE_ENV.wallOrigin]);
  const originMs = Number(env[TIME_SCALE_ENV.origin] ?? env[TIME_SCALE_ENV.wallOrigin]);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`${TIME_SCALE_ENV.scale} must be a number > 0, got '${text}'`);
  if (!Number.isSafeInteger(wallOriginMs) || !Number.isSafeInteger(originMs)) {
    throw new Error(`${TIME_SCALE_ENV.scale} needs ${TIME_SCALE_ENV.wallOrigin} (and optionally ${TIME_SCALE_ENV.origin}) as epoch ms`);
  }
  return { scale, wallOriginMs, originMs };
}

let environmentClock: Clock | undefined;

/**
 * Real time, unless the local runtime compressed it through the environment (read on first
 * use, so a worker's environment is in place by then).
 */
export const systemClock: Clock = {
  now: () => {
    environmentClock ??= ((time) => (time ? scaledClock(time) : { now: () => Date.now() }))(timeScaleFromEnvironment(process.env));
    return environmentClock.now();
  },
};

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
