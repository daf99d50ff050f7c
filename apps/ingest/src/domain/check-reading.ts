import { checkTimestampWindow, readingId, timestampToEpochMs, validateReading, TIMESTAMP_WINDOW } from '@pulse/schemas';
import type { ReceivedReading, TimestampWindow, ValidationIssue } from '@pulse/schemas';

export type CheckedReading = { ok: true; reading: ReceivedReading } | { ok: false; errors: ValidationIssue[] };

/**
 * Where bad data stops: the schema (finite, non-negative concentrations, humidity 0–100,
 * no unknown fields) and then the timestamp window by the caller's clock. A reading that
 * passes gets its identity, `<deviceId>@<epoch ms>`.
 */
export function checkReading(input: unknown, nowMs: number, window: TimestampWindow = TIMESTAMP_WINDOW): CheckedReading {
  const result = validateReading(input);
  if (!result.ok) return { ok: false, errors: result.errors };
  const reading = result.value;
  // Parsed once here and the window checked on the number: date parsing is the costliest step.
  const epochMs = timestampToEpochMs(reading.timestamp);
  if (epochMs === undefined) {
    return { ok: false, errors: [{ path: 'timestamp', rule: 'format', message: 'is not a date-time Pulse can read' }] };
  }
  const outside = checkTimestampWindow(epochMs, nowMs, window);
  if (outside) return { ok: false, errors: [outside] };
  return { ok: true, reading: { readingId: readingId(reading.deviceId, epochMs), ...reading } };
}
