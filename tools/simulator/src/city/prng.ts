/**
 * Seeded randomness. The domain never calls Math.random: a seed must reproduce a city and
 * every reading, so a failing run can be replayed exactly.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, and good enough for a simulation (not for secrets). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * A uniform [0, 1) value addressed by integers (seed, device, time, channel, draw). Readings
 * are a pure function of their address, so a reading generated twice is identical: that is
 * what makes a resent duplicate carry the same readingId and the same values. Fixed arity
 * and no allocation: a day of a 500-device city draws millions of these.
 */
// Module-level copies: under Jest's vm sandbox every `Math.` lookup in a hot loop is slow.
const { imul, floor, max, min, SQRT2 } = Math;

export function hash01(a: number, b = 0, c = 0, d = 0, e = 0): number {
  let h = 0x811c9dc5;
  h = mix(h, a);
  h = mix(h, b);
  h = mix(h, c);
  h = mix(h, d);
  h = mix(h, e);
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296;
}

/** Folds both 32-bit halves of a number in, so epoch milliseconds keep all their bits. */
function mix(h: number, value: number): number {
  return fold(fold(h, floor(value / 4_294_967_296) | 0), value >>> 0);
}

function fold(h: number, word: number): number {
  let x = imul(h ^ word, 0x01000193);
  x ^= x >>> 15;
  x = imul(x, 0x2c1b3c6d);
  return x ^ (x >>> 12);
}

/** Approximately normal noise in [-3, 3] standard deviations (sum of uniforms, bounded). */
export function boundedNormal(seed: number, device: number, epochMs: number, channel: number): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += hash01(seed, device, epochMs, channel, i);
  return max(-3, min(3, (sum - 3) * SQRT2));
}
