import type { DeadLetter } from './dead-letters';

/** Why messages sit in a dead-letter queue: one row per queue, error code and message. */
export interface DeadLetterReason {
  readonly queue: string;
  readonly rule: string | undefined;
  /** On a reading's way to storage: its readings are not stored until redriven. */
  readonly onStoragePath: boolean;
  readonly errorCode: string;
  /** ERROR_MESSAGE with request ids and similar varying parts blanked, so like failures group. */
  readonly errorMessage: string;
  readonly exhausted: string | undefined;
  readonly messages: number;
  /** readingIds carried by those messages (with repeats across messages). */
  readonly readings: number;
}

export interface ReconcileReport {
  /** The window of acknowledgements compared, ISO-8601. */
  readonly since: string;
  /** Absent when the window has no end. */
  readonly until?: string;
  /** Distinct readingIds acknowledged in the window. */
  readonly acknowledged: number;
  /** …of which stored in the Readings table. */
  readonly stored: number;
  /** …of which in a DLQ on the way to storage (stored or not). */
  readonly deadLettered: number;
  /** …neither stored nor in such a DLQ: lost. */
  readonly missing: number;
  /** …stored under two keys, or stored and also dead-lettered on the way to storage. */
  readonly duplicated: number;
  readonly storedTwice: number;
  readonly storedAndDeadLettered: number;
  readonly reasons: readonly DeadLetterReason[];
  /** Every DLQ message seen (any queue, any time). */
  readonly deadLetterMessages: number;
  /** Examples, at most `sampleSize` each. */
  readonly samples: {
    readonly missing: readonly string[];
    readonly storedTwice: readonly { readonly readingId: string; readonly keys: readonly string[] }[];
    readonly storedAndDeadLettered: readonly { readonly readingId: string; readonly queues: readonly string[] }[];
  };
  /** Nothing missing and nothing duplicated. */
  readonly ok: boolean;
}

export interface ReadingLedgers {
  readonly since: Date;
  readonly until?: Date;
  readonly acknowledged: ReadonlyMap<string, string>;
  readonly storedKeys: ReadonlyMap<string, readonly string[]>;
  readonly deadLetters: readonly DeadLetter[];
  /** Rule names on the way to storage (see storagePathRules). */
  readonly storagePath: ReadonlySet<string>;
}

/** Pure: the three ledgers in, the counts and reasons out. */
export function compareReadings(ledgers: ReadingLedgers, sampleSize = 20): ReconcileReport {
  const queuesOf = new Map<string, string[]>();
  for (const letter of ledgers.deadLetters) {
    if (letter.ruleName === undefined || !ledgers.storagePath.has(letter.ruleName)) continue;
    for (const id of letter.readingIds) queuesOf.set(id, [...(queuesOf.get(id) ?? []), letter.queue]);
  }
  let stored = 0;
  let deadLettered = 0;
  let duplicated = 0;
  const missing: string[] = [];
  const storedTwice: { readingId: string; keys: readonly string[] }[] = [];
  const storedAndDeadLettered: { readingId: string; queues: readonly string[] }[] = [];
  for (const readingId of ledgers.acknowledged.keys()) {
    const keys = ledgers.storedKeys.get(readingId) ?? [];
    const queues = queuesOf.get(readingId) ?? [];
    if (keys.length > 0) stored += 1;
    if (queues.length > 0) deadLettered += 1;
    if (keys.length === 0 && queues.length === 0) missing.push(readingId);
    if (keys.length > 1) storedTwice.push({ readingId, keys });
    if (keys.length > 0 && queues.length > 0) storedAndDeadLettered.push({ readingId, queues: [...new Set(queues)] });
    if (keys.length > 1 || (keys.length > 0 && queues.length > 0)) duplicated += 1;
  }
  return {
    since: ledgers.since.toISOString(),
    ...(ledgers.until ? { until: ledgers.until.toISOString() } : {}),
    acknowledged: ledgers.acknowledged.size,
    stored,
    deadLettered,
    missing: missing.length,
    duplicated,
    storedTwice: storedTwice.length,
    storedAndDeadLettered: storedAndDeadLettered.length,
    reasons: groupReasons(ledgers.deadLetters, ledgers.storagePath),
    deadLetterMessages: ledgers.deadLetters.length,
    samples: {
      missing: missing.slice(0, sampleSize),
      storedTwice: storedTwice.slice(0, sampleSize),
      storedAndDeadLettered: storedAndDeadLettered.slice(0, sampleSize),
    },
    ok: missing.length === 0 && duplicated === 0,
  };
}

function groupReasons(letters: readonly DeadLetter[], storagePath: ReadonlySet<string>): DeadLetterReason[] {
  const groups = new Map<string, DeadLetterReason>();
  for (const letter of letters) {
    const errorMessage = generalised(letter.errorMessage);
    const key = [letter.queue, letter.ruleName, letter.errorCode, errorMessage, letter.exhausted].join('\u0000');
    const group = groups.get(key);
    groups.set(key, {
      queue: letter.queue,
      rule: letter.ruleName,
      onStoragePath: letter.ruleName !== undefined && storagePath.has(letter.ruleName),
      errorCode: letter.errorCode,
      errorMessage,
      exhausted: letter.exhausted,
      messages: (group?.messages ?? 0) + 1,
      readings: (group?.readings ?? 0) + letter.readingIds.length,
    });
  }
  return [...groups.values()].sort((a, b) => a.queue.localeCompare(b.queue) || b.messages - a.messages);
}

/** Request ids, event ids and numbers vary per failure; blanking them groups the same failure once. */
export function generalised(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\b\d{4,}\b/g, '<n>')
    .trim();
}
