import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Appends lines to one file and resolves each caller only after its lines are on disk.
 * Callers that arrive while a write+fsync is running are batched into the next one
 * (group commit), so throughput is bounded by fsyncs per second, not by lines.
 */
export interface FsyncAppender {
  append(lines: readonly string[]): Promise<void>;
  close(): Promise<void>;
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
    async close() {
      closed = true;
      await flushing;
      await handle.close();
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
