import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Appends lines to one file and resolves each caller only after its lines are on disk.
 * Callers that arrive while a write+fsync is running are batched into the next one
 * (group commit), so throughput is bounded by fsyncs per second, not by lines.
 */
export interface FsyncAppender {
  append(lines: readonly string[]): Promise<void>;
  /** Writes what callers already handed over, then closes (a clean stop). */
  close(): Promise<void>;
  /**
   * What a process kill leaves: the batch already handed to the kernel lands, every line still
   * waiting in memory is dropped (its caller rejected, never acknowledged), then the file closes.
   */
  abort(): Promise<void>;
}

interface Waiting {
  readonly text: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export async function openFsyncAppender(path: string): Promise<FsyncAppender> {
  const handle: FileHandle = await open(path, 'a');
  // The file may be new: its directory entry must be durable too, or a crash could lose it whole.
  await syncDirectory(dirname(path));
  let waiting: Waiting[] = [];
  let flushing: Promise<void> | undefined;
  let closed = false;
  let ended: Promise<void> | undefined;

  function end(): Promise<void> {
    closed = true;
    ended ??= (async () => {
      await flushing;
      await handle.close();
    })();
    return ended;
  }

  async function flushLoop(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await handle.write(batch.map((w) => w.text).join(''));
        await handle.datasync();
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    flushing = undefined;
  }

  return {
    append(lines) {
      if (closed) return Promise.reject(new Error(`journal ${path} is closed`));
      if (lines.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ text: lines.map((l) => `${l}\n`).join(''), resolve, reject });
        flushing ??= flushLoop();
      });
    },
    close: end,
    abort() {
      const dropped = waiting;
      waiting = [];
      for (const w of dropped) w.reject(new Error(`journal ${path} was killed before this write reached the disk`));
      return end();
    },
  };
}

/** fsync a directory, making file creations and renames in it durable. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
