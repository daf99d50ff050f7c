import { createReadStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { eventJson } from '../event-json';
import { openFsyncAppender, type FsyncAppender } from '../journal/fsync-appender';
import type { Archive, BusEvent } from '../model';

const HOUR_MS = 3_600_000;
const FILE_PATTERN = /^events-(\d{4}-\d{2}-\d{2}T\d{2})\.jsonl$/;
/** Hour files kept open for appending; events mostly land in the current hour. */
const OPEN_FILES = 4;

export interface FileArchive extends Archive {
  close(): Promise<void>;
  /** A process kill: appends not yet handed to the kernel are dropped and reject; nothing more is written. */
  abort(): Promise<void>;
}

/**
 * Every accepted event as JSON lines, one file per UTC hour of the event's `time`
 * (`events-2026-11-22T12.jsonl`), fsync'd before `append` resolves. An hour file is the
 * unit `read` loads, so a replay window touches only the hours it covers.
 */
export function createFileArchive(options: { readonly directory: string }): FileArchive {
  const { directory } = options;
  const appenders = new Map<string, Promise<FsyncAppender>>();
  const writing = new Set<Promise<unknown>>();
  let ready: Promise<unknown> | undefined;
  let killed = false;

  function appenderFor(file: string): Promise<FsyncAppender> {
    let appender = appenders.get(file);
    if (appender === undefined) {
      appender = openFsyncAppender(join(directory, file));
      appenders.set(file, appender);
      if (appenders.size > OPEN_FILES) evictOldest();
    }
    return appender;
  }

  function evictOldest(): void {
    for (const [file, closing] of appenders) {
      appenders.delete(file);
      // Appends already handed to it were queued first, so close() writes them before closing.
      track(closing.then((a) => a.close()));
      return;
    }
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    writing.add(promise);
    void promise.then(
      () => writing.delete(promise),
      () => writing.delete(promise),
    );
    return promise;
  }

  async function write(events: readonly BusEvent[]): Promise<void> {
    ready ??= mkdir(directory, { recursive: true });
    await ready;
    if (killed) throw new Error(`archive ${directory} was killed before this write`);
    const byFile = new Map<string, string[]>();
    for (const event of events) {
      const file = fileFor(eventTime(event));
      byFile.set(file, [...(byFile.get(file) ?? []), eventJson(event)]);
    }
    await Promise.all([...byFile].map(async ([file, lines]) => (await appenderFor(file)).append(lines)));
  }

  return {
    append: (events) => (events.length === 0 ? Promise.resolve() : track(write(events))),
    async *read(from, to, keep = () => true) {
      // Appends that started before the read are part of what it sees.
      await Promise.allSettled([...writing]);
      const firstHour = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
      for (const file of await hourFiles(directory)) {
        const hour = Date.parse(`${FILE_PATTERN.exec(file)?.[1] ?? ''}:00:00Z`);
        if (Number.isNaN(hour) || hour < firstHour || hour >= to.getTime()) continue;
        // Line by line: an hour of a busy bus is more than one string can hold (~512 MB).
        const events: BusEvent[] = [];
        for await (const line of createInterface({ input: createReadStream(join(directory, file), 'utf8'), crlfDelay: Infinity })) {
          for (const event of parseEvent(line)) {
            if (eventTime(event) >= from.getTime() && eventTime(event) < to.getTime() && keep(event)) events.push(event);
          }
        }
        // Appends within an hour need not arrive in time order (PutEvents may set Time).
        yield* events.sort((a, b) => eventTime(a) - eventTime(b));
      }
    },
    async close() {
      await Promise.allSettled([...writing]);
      const open = [...appenders.values()];
      appenders.clear();
      await Promise.all(open.map(async (a) => (await a).close()));
    },
    async abort() {
      killed = true;
      const open = [...appenders.values()];
      appenders.clear();
      await Promise.allSettled(open.map(async (a) => (await a).abort()));
    },
  };
}

function eventTime(event: BusEvent): number {
  const time = Date.parse(event.time);
  return Number.isNaN(time) ? 0 : time;
}

function fileFor(time: number): string {
  return `events-${new Date(time).toISOString().slice(0, 13)}.jsonl`;
}

async function hourFiles(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).filter((f) => FILE_PATTERN.test(f)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parseEvent(line: string): BusEvent[] {
  if (line.trim() === '') return [];
  try {
    return [JSON.parse(line) as BusEvent];
  } catch {
    // A torn last line from a crash mid-append.
    return [];
  }
}
