import { statfs } from 'node:fs/promises';
import { freemem } from 'node:os';

/** Linux's RAM-backed filesystem; absent on macOS and Windows. */
export const RAM_FILESYSTEM = '/dev/shm';

/**
 * What a soak writes per reading, measured at 750 readings/s over 10 minutes: the bus archive
 * ~0.7 KB, dynalite's tables ~0.25 KB; the delivery journal adds at most ~470 MB before it is
 * compacted (100,000 lines of ~4.7 KB), whatever the rate.
 */
const BYTES_PER_READING = 1_024;
const JOURNAL_BYTES = 500 * 1024 * 1024;
/** Left free for everything else on the machine. */
const HEADROOM = 2;

export interface StateMedium {
  /** Where the temporary state folder is made; undefined: the OS's temporary folder (disk). */
  readonly parent: string | undefined;
  /** One line for the soak's start-up output. */
  readonly description: string;
}

export interface StateMediumProbe {
  readonly availableBytes: (path: string) => Promise<number>;
  readonly freeMemoryBytes: () => number;
}

const systemProbe: StateMediumProbe = {
  async availableBytes(path) {
    const stats = await statfs(path);
    return stats.bavail * stats.bsize;
  },
  freeMemoryBytes: freemem,
};

/**
 * Where a soak keeps the runtime's state when it was not given a folder: in RAM when the machine
 * has one with room for the whole run, on disk otherwise. On one shared disk, dynalite's LevelDB
 * fsyncs each table it flushes or compacts (tens of MB every ~35 s at 750 readings/s), and the
 * bus's journal fdatasyncs queue behind them for up to 100 ms; that is the laptop's disk, not
 * the pipeline, and it made each minute's p99 depend on how many flushes it held.
 */
export async function chooseStateMedium(
  readings: number,
  probe: StateMediumProbe = systemProbe,
  ramFilesystem: string = RAM_FILESYSTEM,
): Promise<StateMedium> {
  const neededBytes = (readings * BYTES_PER_READING + JOURNAL_BYTES) * HEADROOM;
  const needed = `${mb(neededBytes)} MB`;
  let availableBytes: number;
  try {
    availableBytes = Math.min(await probe.availableBytes(ramFilesystem), probe.freeMemoryBytes());
  } catch {
    return { parent: undefined, description: `state on disk (no ${ramFilesystem} here)` };
  }
  if (availableBytes < neededBytes) {
    return {
      parent: undefined,
      description: `state on disk (${ramFilesystem} has ${mb(availableBytes)} MB free, this run wants ${needed}); expect a wider p99 from disk flushes`,
    };
  }
  return { parent: ramFilesystem, description: `state in RAM (${ramFilesystem}; --state <dir> keeps it on disk)` };
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
