/**
 * EventBridge documents "exponential back off and jitter" but not the constants. These are
 * chosen so the defaults agree with each other: with retries capped at 10 minutes and equal
 * jitter (a delay in [d/2, d]), 185 retries take about 23 hours on average, close to the
 * 24-hour default age limit, so neither limit makes the other meaningless.
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 600_000;

/**
 * Delay before retry number `retry` (0 = the first retry), in bus-time milliseconds.
 * `random` returns [0, 1); injecting it makes the schedule reproducible in tests.
 */
export function backoffDelayMs(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(retry, 30));
  return ceiling / 2 + random() * (ceiling / 2);
}
