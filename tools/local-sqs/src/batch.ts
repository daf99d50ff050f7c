import { type Input, objectList } from './input-reader';
import { batchIdsNotDistinct, emptyBatch, invalidBatchEntryId, SqsError, tooManyEntries } from './sqs-error';

const MAX_ENTRIES = 10;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Validates a batch's entries as a whole, as SQS does before looking at any one entry. */
export function batchEntries(input: Input): Input[] {
  const entries = objectList(input, 'Entries');
  if (entries.length === 0) throw emptyBatch();
  if (entries.length > MAX_ENTRIES) throw tooManyEntries(entries.length);
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = entry.Id;
    if (typeof id !== 'string' || !ENTRY_ID.test(id)) throw invalidBatchEntryId();
    if (seen.has(id)) throw batchIdsNotDistinct(id);
    seen.add(id);
  }
  return entries;
}

/** Runs each entry; an entry's SqsError becomes a `Failed` item instead of failing the batch. */
export function runBatch(entries: Input[], run: (entry: Input) => Record<string, unknown>): { Successful: unknown[]; Failed: unknown[] } {
  const Successful: unknown[] = [];
  const Failed: unknown[] = [];
  for (const entry of entries) {
    try {
      Successful.push({ Id: entry.Id, ...run(entry) });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      Failed.push({ Id: entry.Id, SenderFault: error.fault === 'Sender', Code: error.code, Message: error.message });
    }
  }
  return { Successful, Failed };
}
