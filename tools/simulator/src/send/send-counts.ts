/** What happened to the readings sent so far. */
export interface SendCounts {
  /** Readings handed to the API (a retried reading counts once). */
  sent: number;
  accepted: number;
  rejected: number;
  /** Rejected readings by the rule ingest named (a reading failing two rules counts under both). */
  rejectedByRule: Record<string, number>;
  /** 429 answers (each one was retried after its Retry-After). */
  throttled: number;
  /** 503 answers (the readings not accepted were retried). */
  unavailable: number;
  /** Readings given up on: retries exhausted, network errors, unexpected answers. */
  failed: number;
  requests: number;
}

export function emptyCounts(): SendCounts {
  return { sent: 0, accepted: 0, rejected: 0, rejectedByRule: {}, throttled: 0, unavailable: 0, failed: 0, requests: 0 };
}

export function addCounts(into: SendCounts, from: SendCounts): SendCounts {
  into.sent += from.sent;
  into.accepted += from.accepted;
  into.rejected += from.rejected;
  into.throttled += from.throttled;
  into.unavailable += from.unavailable;
  into.failed += from.failed;
  into.requests += from.requests;
  for (const [rule, n] of Object.entries(from.rejectedByRule)) into.rejectedByRule[rule] = (into.rejectedByRule[rule] ?? 0) + n;
  return into;
}

export function countRule(counts: SendCounts, rule: string): void {
  counts.rejectedByRule[rule] = (counts.rejectedByRule[rule] ?? 0) + 1;
}
