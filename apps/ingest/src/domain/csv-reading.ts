import { MEASUREMENT_KEYS, type ValidationIssue } from '@pulse/schemas';

/** The drop format's columns; a file may use any subset in any order, with deviceId and timestamp. */
export const CSV_COLUMNS = ['deviceId', 'timestamp', ...MEASUREMENT_KEYS] as const;

/** Problems with a CSV header, as line-1 issues; empty when it is usable. */
export function csvHeaderIssues(header: readonly string[]): ValidationIssue[] {
  const known = new Set<string>(CSV_COLUMNS);
  const issues: ValidationIssue[] = header
    .filter((name) => !known.has(name))
    .map((name) => ({ path: name, rule: 'additionalProperties', message: `unknown column '${name}'; columns are ${CSV_COLUMNS.join(',')}` }));
  for (const required of ['deviceId', 'timestamp']) {
    if (!header.includes(required)) issues.push({ path: required, rule: 'required', message: `the header needs a '${required}' column` });
  }
  return issues;
}

/**
 * A CSV row as a reading to validate: empty cells are absent measurements, digits-only
 * timestamps are epoch milliseconds, and a cell that is not a number stays text so the
 * schema names it ("must be number") instead of it silently becoming NaN.
 */
export function csvRowToReading(row: Readonly<Record<string, string>>): unknown {
  const measurements: Record<string, number | string> = {};
  for (const key of MEASUREMENT_KEYS) {
    const cell = row[key]?.trim();
    if (cell === undefined || cell === '') continue;
    const value = Number(cell);
    measurements[key] = Number.isFinite(value) ? value : cell;
  }
  const timestamp = row.timestamp?.trim() ?? '';
  return {
    deviceId: row.deviceId?.trim() ?? '',
    timestamp: /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp,
    measurements,
  };
}
