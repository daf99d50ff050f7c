import type { RejectedReading } from './admitted-readings';

/** Rejected readings per rule (a reading counts once per distinct rule it broke), for the metric. */
export function rejectionsByRule(rejected: readonly RejectedReading[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { errors } of rejected) {
    for (const rule of new Set(errors.map((e) => e.rule))) counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return counts;
}
