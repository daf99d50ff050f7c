import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { openFsyncAppender, syncDirectory, type FsyncAppender } from './fsync-appender';
import {
  applyRecords,
  pendingEntries,
  recordLine,
  recordsFor,
  type AckOutcome,
  type DeadLetterAttributes,
  type JournalEntry,
  type JournalRecord,
  type UndeliverableRecord,
} from './journal-records';

export const JOURNAL_FILE = 'journal.jsonl';
export const UNDELIVERABLE_FILE = 'undeliverable.jsonl';

/**
 * The dispatcher's durable memory: deliveries are appended before `enqueue` resolves and
 * acknowledged once they reached their target or their DLQ. Without a directory it keeps
 * nothing (tests and throwaway buses), with the same interface.
 */
export interface DeliveryJournal {
  appendEnqueued(entries: readonly JournalEntry[]): Promise<void>;
  appendDeadLetter(key: string, attributes: DeadLetterAttributes): Promise<void>;
  appendAck(key: string, outcome: AckOutcome): Promise<void>;
  appendUndeliverable(record: UndeliverableRecord): Promise<void>;
  close(): Promise<void>;
  /** A process kill: lines not yet handed to the kernel are dropped (their appends reject); see FsyncAppender.abort. */
  abort(): Promise<void>;
}

export interface OpenedJournal {
  readonly journal: DeliveryJournal;
  /** Deliveries a previous run accepted but never acknowledged. */
  readonly pending: readonly JournalEntry[];
  /** Undeliverable records already on disk. */
  readonly undeliverable: readonly UndeliverableRecord[];
}

export interface JournalOptions {
  /**
   * Rewrite the journal while running once this many lines were appended since the last
   * compaction (and the file is mostly acknowledged work), so a long-running bus does not
   * grow it without bound.
   */
  readonly compactAfterLines?: number;
}

const DEFAULT_COMPACT_AFTER_LINES = 100_000;

export async function openDeliveryJournal(directory: string | undefined, options: JournalOptions = {}): Promise<OpenedJournal> {
  if (directory === undefined) return { journal: memoryJournal(), pending: [], undeliverable: [] };
  await mkdir(directory, { recursive: true });
  const journalPath = join(directory, JOURNAL_FILE);
  const pending = pendingEntries(await readLines(journalPath));
  await compact(directory, journalPath, pending);
  const undeliverable = (await readLines(join(directory, UNDELIVERABLE_FILE)))
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as UndeliverableRecord];
      } catch {
        return [];
      }
    });
  const undeliverableFile = await openFsyncAppender(join(directory, UNDELIVERABLE_FILE));
  const journal = await fileJournal(directory, journalPath, pending, undeliverableFile, options.compactAfterLines ?? DEFAULT_COMPACT_AFTER_LINES);
  return { journal, pending, undeliverable };
}

async function fileJournal(
  directory: string,
  journalPath: string,
  initial: readonly JournalEntry[],
  undeliverableFile: FsyncAppender,
  compactAfterLines: number,
): Promise<DeliveryJournal> {
  // What the file would fold to, kept in step with completed writes, so it can be rewritten at any time.
  const live = new Map(initial.map((e) => [e.key, e]));
  let journalFile = await openFsyncAppender(journalPath);
  let linesSinceCompaction = 0;
  let compacting: Promise<void> | undefined;

  async function write(records: readonly JournalRecord[]): Promise<void> {
    while (compacting) await compacting;
    await journalFile.append(records.map(recordLine));
    applyRecords(live, records);
    linesSinceCompaction += records.length;
    if (linesSinceCompaction >= compactAfterLines && linesSinceCompaction > 2 * live.size && !compacting) {
      compacting = compactLive().finally(() => (compacting = undefined));
    }
  }

  async function compactLive(): Promise<void> {
    // Writes already handed to the old file land there before the snapshot is taken.
    await journalFile.close();
    await compact(directory, journalPath, [...live.values()]);
    journalFile = await openFsyncAppender(journalPath);
    linesSinceCompaction = 0;
  }

  return {
    appendEnqueued: (entries) => write(recordsFor(entries)),
    appendDeadLetter: (key, attributes) => write([{ op: 'dead', key, attributes }]),
    appendAck: (key, outcome) => write([{ op: 'ack', key, outcome }]),
    appendUndeliverable: (record) => undeliverableFile.append([JSON.stringify(record)]),
    async close() {
      while (compacting) await compacting;
      await Promise.all([journalFile.close(), undeliverableFile.close()]);
    },
    async abort() {
      // A compaction is a rename of a file already fsync'd: it lands whole or not at all, so
      // letting it finish is one of the states a kill can leave.
      const undeliverableAborted = undeliverableFile.abort();
      while (compacting) await compacting;
      await Promise.all([journalFile.abort(), undeliverableAborted]);
    },
  };
}

function memoryJournal(): DeliveryJournal {
  const done = Promise.resolve();
  return {
    appendEnqueued: () => done,
    appendDeadLetter: () => done,
    appendAck: () => done,
    appendUndeliverable: () => done,
    close: () => done,
    abort: () => done,
  };
}

/** Rewrites the journal with only the pending entries: write aside, fsync, rename, fsync the directory. */
async function compact(directory: string, journalPath: string, pending: readonly JournalEntry[]): Promise<void> {
  const tmpPath = `${journalPath}.compact`;
  const tmp = await open(tmpPath, 'w');
  try {
    const text = recordsFor(pending)
      .map((r) => `${recordLine(r)}\n`)
      .join('');
    await tmp.write(text);
    await tmp.sync();
  } finally {
    await tmp.close();
  }
  await rename(tmpPath, journalPath);
  await syncDirectory(directory);
}

async function readLines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
