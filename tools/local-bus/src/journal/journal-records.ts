import { eventJson } from '../event-json';
import type { Delivery } from '../model';

/** DLQ message attributes decided for a delivery that exhausted its retries. */
export type DeadLetterAttributes = Readonly<Record<string, string>>;

/** A delivery as the journal holds it until it is acknowledged. */
export interface JournalEntry {
  /** Unique per delivery (one event to one target), so acks find it. */
  readonly key: string;
  /** Wall-clock ms when the bus accepted it; the event's age counts from here. */
  readonly acceptedAt: number;
  readonly delivery: Delivery;
  /** Set once delivery gave up, so a restart goes straight to the DLQ, not back to the target. */
  readonly deadLetter?: DeadLetterAttributes;
}

export type AckOutcome = 'delivered' | 'dead-lettered' | 'undeliverable';

/** One line of the journal file. */
export type JournalRecord =
  | { readonly op: 'enqueue'; readonly key: string; readonly acceptedAt: number; readonly delivery: Delivery }
  | { readonly op: 'dead'; readonly key: string; readonly attributes: DeadLetterAttributes }
  | { readonly op: 'ack'; readonly key: string; readonly outcome: AckOutcome };

/** What `undeliverable.jsonl` keeps for a delivery that failed with no DLQ to go to. */
export interface UndeliverableRecord {
  readonly key: string;
  readonly at: string;
  readonly ruleArn: string;
  readonly targetArn: string;
  readonly attributes: DeadLetterAttributes;
  readonly event: Delivery['event'];
}

/** Folds journal lines into the entries still owed a delivery. A torn last line (crash mid-write) is skipped. */
export function pendingEntries(lines: Iterable<string>): JournalEntry[] {
  const pending = new Map<string, JournalEntry>();
  for (const line of lines) {
    const record = parseRecord(line);
    if (record !== undefined) applyRecords(pending, [record]);
  }
  return [...pending.values()];
}

/** Applies records to a key → entry map: enqueue adds, dead marks, ack removes. */
export function applyRecords(pending: Map<string, JournalEntry>, records: readonly JournalRecord[]): void {
  for (const record of records) {
    if (record.op === 'enqueue') {
      pending.set(record.key, { key: record.key, acceptedAt: record.acceptedAt, delivery: record.delivery });
    } else if (record.op === 'dead') {
      const entry = pending.get(record.key);
      if (entry !== undefined) pending.set(record.key, { ...entry, deadLetter: record.attributes });
    } else {
      pending.delete(record.key);
    }
  }
}

/**
 * One journal line, the same JSON as `JSON.stringify(record)`, but an enqueue record carries its
 * event's text as made once for the archive (eventJson) rather than serialising the event again.
 */
export function recordLine(record: JournalRecord): string {
  if (record.op !== 'enqueue') return JSON.stringify(record);
  const { event, ...routing } = record.delivery;
  const routingJson = JSON.stringify(routing);
  const delivery = `{"event":${eventJson(event)}${routingJson === '{}' ? '}' : `,${routingJson.slice(1)}`}`;
  return `{"op":"enqueue","key":${JSON.stringify(record.key)},"acceptedAt":${JSON.stringify(record.acceptedAt)},"delivery":${delivery}}`;
}

/** The records that reproduce `entries` in a fresh, compacted journal. */
export function recordsFor(entries: readonly JournalEntry[]): JournalRecord[] {
  return entries.flatMap((e): JournalRecord[] => {
    const enqueued: JournalRecord = { op: 'enqueue', key: e.key, acceptedAt: e.acceptedAt, delivery: e.delivery };
    return e.deadLetter === undefined ? [enqueued] : [enqueued, { op: 'dead', key: e.key, attributes: e.deadLetter }];
  });
}

function parseRecord(line: string): JournalRecord | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<JournalRecord>;
    return typeof value.key === 'string' && (value.op === 'enqueue' || value.op === 'dead' || value.op === 'ack')
      ? (value as JournalRecord)
      : undefined;
  } catch {
    return undefined;
  }
}
