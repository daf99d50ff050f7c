import { timestampToEpochMs } from './timestamp';
import type { ValidationIssue } from './validation';

export interface TimestampWindow {
  /** How far ahead of the receiver's clock a reading may be (sensor clock drift). */
  readonly maxFutureMs: number;
  /** How old a reading may be (a gateway buffering through an outage). */
  readonly maxAgeMs: number;
}

/**
 * Accepted by ingest: ≤ 5 minutes ahead, ≤ 7 days old. Older data would land in
 * alert windows long closed; future data points at a wrong sensor clock.
 */
export const TIMESTAMP_WINDOW: TimestampWindow = { maxFutureMs: 5 * 60_000, maxAgeMs: 7 * 24 * 3_600_000 };

/**
 * Pure: ingest passes its clock port's `nowMs`, so tests and the simulator control time.
 * Returns an issue (rule 'timestampWindow', or 'format' for an unparseable value).
 */
export function checkTimestampWindow(
  timestamp: string | number,
  nowMs: number,
  window: TimestampWindow = TIMESTAMP_WINDOW,
  path = 'timestamp',
): ValidationIssue | undefined {
  // A number is already epoch ms (ingest passes the parsed value): before 1970 is simply too old.
  const epochMs = typeof timestamp === 'number' ? (Number.isSafeInteger(timestamp) ? timestamp : undefined) : timestampToEpochMs(timestamp);
  if (epochMs === undefined) {
    return { path, rule: 'format', message: 'must be an ISO-8601 date-time with a zone or integer epoch milliseconds' };
  }
  if (epochMs > nowMs + window.maxFutureMs) {
    return {
      path,
      rule: 'timestampWindow',
      message: `is ${duration(epochMs - nowMs)} in the future; at most ${duration(window.maxFutureMs)} ahead is accepted (check the sensor clock)`,
    };
  }
  if (epochMs < nowMs - window.maxAgeMs) {
    return {
      path,
      rule: 'timestampWindow',
      message: `is ${duration(nowMs - epochMs)} old; at most ${duration(window.maxAgeMs)} old is accepted`,
    };
  }
  return undefined;
}

function duration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size) {
      const n = Math.floor((ms / size) * 10) / 10;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}
