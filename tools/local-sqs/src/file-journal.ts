import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalRecord, QueueJournal } from './journal-record';

const SUFFIX = '.jsonl';

/**
 * One JSON-lines journal per queue. Appends are synchronous writes to an open descriptor,
 * so a change is in the OS before the request is answered and survives the process being
 * killed; DLQ traffic is small, so blocking writes cost nothing that matters.
 */
export class FileJournal implements QueueJournal {
  private fd: number | undefined;

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  append(record: JournalRecord): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  rewrite(records: JournalRecord[]): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    rewriteFile(this.path, records);
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

export function journalPath(directory: string, queueName: string): string {
  return join(directory, `${queueName}${SUFFIX}`);
}

/** Reads every queue journal in `directory`; a torn last line (crash mid-write) is skipped. */
export function readJournals(directory: string): { queueName: string; records: JournalRecord[] }[] {
  if (!existsSync(directory)) mkdirSync(directory, { recursive: true });
  return readdirSync(directory)
    .filter((file) => file.endsWith(SUFFIX))
    .sort()
    .map((file) => ({ queueName: file.slice(0, -SUFFIX.length), records: parseLines(readFileSync(join(directory, file), 'utf8')) }));
}

/** Replaces a journal with the given records atomically (write, then rename). */
function rewriteFile(path: string, records: JournalRecord[]): void {
  const temporary = `${path}.compact`;
  writeFileSync(temporary, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  renameSync(temporary, path);
}

function parseLines(text: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      // Only the line being written when the process died can be incomplete.
    }
  }
  return records;
}
