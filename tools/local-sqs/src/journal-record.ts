import type { StoredMessage } from './model';

/** One line of a queue's journal. Replaying the lines in order rebuilds the queue. */
export type JournalRecord =
  | { t: 'queue'; name: string; attributes: Record<string, string>; createdAt: number; lastModifiedAt: number }
  | { t: 'attrs'; attributes: Record<string, string>; lastModifiedAt: number }
  | { t: 'send'; m: StoredMessage }
  | { t: 'state'; id: string; visibleAt: number; receiveCount: number; firstReceiveAt?: number; receiptHandle?: string }
  | { t: 'delete'; id: string }
  | { t: 'purge' };

/** Where a queue writes its changes; the in-memory mode uses a journal that drops them. */
export interface QueueJournal {
  append(record: JournalRecord): void;
  /** Replaces everything written so far with `records` (compaction). */
  rewrite(records: JournalRecord[]): void;
  close(): void;
  /** Deletes the journal with its queue. */
  remove(): void;
}

export const nullJournal: QueueJournal = { append: () => undefined, rewrite: () => undefined, close: () => undefined, remove: () => undefined };
