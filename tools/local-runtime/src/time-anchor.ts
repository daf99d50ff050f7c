import { readFile, rename, writeFile } from 'node:fs/promises';
import { scaledClock, TIME_SCALE_ENV, type Clock, type TimeScale } from '@pulse/service-kit';

/** How often the latest pipeline time is saved, so a restart (even after SIGKILL) never goes back in time. */
export const SAVE_EVERY_MS = 1_000;

export interface PipelineTime {
  readonly time: TimeScale;
  readonly clock: Clock;
  /** The functions' environment: they read the same compressed time (systemClock). */
  readonly environment: Readonly<Record<string, string>>;
  /** Saves the current time now and every second until `stop`. */
  keep(): void;
  stop(): Promise<void>;
}

/**
 * The pipeline's clock: real time at scale 1 on a fresh state; otherwise it runs `scale` times
 * faster, starting from the later of real time and where the previous run stopped (plus what
 * the last save could have missed), so stored readings and alert windows never see time go back.
 */
export async function pipelineTime(file: string, scale: number, wall: () => number = Date.now): Promise<PipelineTime> {
  const previous = await readSaved(file);
  const wallOriginMs = wall();
  // Two save periods at the faster of the two scales covers a save missed by a crash.
  const resumeAt = previous ? previous.lastMs + 2 * SAVE_EVERY_MS * Math.max(scale, previous.scale) : wallOriginMs;
  const time: TimeScale = { scale, wallOriginMs, originMs: Math.max(wallOriginMs, resumeAt) };
  const clock = scaledClock(time, wall);
  let timer: NodeJS.Timeout | undefined;
  const save = async () => {
    const temp = `${file}.tmp`;
    await writeFile(temp, JSON.stringify({ lastMs: clock.now(), scale }));
    await rename(temp, file);
  };
  return {
    time,
    clock,
    environment:
      scale === 1 && time.originMs === wallOriginMs
        ? {}
        : { [TIME_SCALE_ENV.scale]: String(scale), [TIME_SCALE_ENV.wallOrigin]: String(wallOriginMs), [TIME_SCALE_ENV.origin]: String(time.originMs) },
    keep() {
      void save();
      timer = setInterval(() => void save().catch(() => undefined), SAVE_EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await save();
    },
  };
}

async function readSaved(file: string): Promise<{ lastMs: number; scale: number } | undefined> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { lastMs?: unknown; scale?: unknown };
    if (typeof saved.lastMs !== 'number') return undefined;
    return { lastMs: saved.lastMs, scale: typeof saved.scale === 'number' && saved.scale > 0 ? saved.scale : 1 };
  } catch {
    return undefined; // no earlier run (or a torn file from a crash mid-write: start from now)
  }
}
