import { checkTimestampWindow, formatPath, readingId, timestampToEpochMs, validateReading, TIMESTAMP_WINDOW } from '@pulse/schemas';
import type { Measurements, ReceivedReading, TimestampWindow, ValidationIssue } from '@pulse/schemas';
import { MEASUREMENT_MAGNITUDE } from './limits';

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
  const unstorable = unstorableMeasurements(reading.measurements);
  if (unstorable.length > 0) return { ok: false, errors: unstorable };
  // Parsed once here and the window checked on the number: date parsing is the costliest step.
  const epochMs = timestampToEpochMs(reading.timestamp);
  if (epochMs === undefined) {
    return { ok: false, errors: [{ path: 'timestamp', rule: 'format', message: 'is not a date-time Pulse can read' }] };
  }
  const outside = checkTimestampWindow(epochMs, nowMs, window);
  if (outside) return { ok: false, errors: [outside] };
  return { ok: true, reading: { readingId: readingId(reading.deviceId, epochMs), ...reading } };
}

function unstorableMeasurements(measurements: Measurements): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(measurements) as [string, number][]) {
    const magnitude = Math.abs(value);
    if (magnitude > MEASUREMENT_MAGNITUDE.max) {
      issues.push({ path: formatPath(['measurements', name]), rule: 'maximum', message: `must be between -${MEASUREMENT_MAGNITUDE.max} and ${MEASUREMENT_MAGNITUDE.max}: no sensor measures ${value}` });
    } else if (magnitude !== 0 && magnitude < MEASUREMENT_MAGNITUDE.minNonZero) {
      issues.push({ path: formatPath(['measurements', name]), rule: 'minimum', message: `must be 0 or at least ${MEASUREMENT_MAGNITUDE.minNonZero} in magnitude, got ${value}` });
    }
  }
  return issues;
}
