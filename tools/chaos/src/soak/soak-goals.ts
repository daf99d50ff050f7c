import type { ProbeReading } from './soak-probes';
/** One row of the soak: a window (a minute by default) of steady load. */
export interface SoakWindow {
  /** 1-based. */
  readonly index: number;
  /** Seconds since the load began, at the window's end. */
  readonly atSeconds: number;
  /** This process's resident set (the runtime, its function workers and the sender), MB. */
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** Readings acknowledged and readings stored (ReadingsStored seen) in the window. */
  readonly acknowledged: number;
  readonly stored: number;
  /** Accept (ingest's receivedAt) → ReadingsStored on the bus, per reading, real ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Bus deliveries pending at the window's end. */
  readonly backlog: number;
  /** Dead-lettered so far (bus dispatcher). */
  readonly deadLettered: number;
  /** The machine's 1-minute load average at the window's end: a shared machine's noise shows here. */
  readonly loadAverage: number;
  /** Accept → each earlier event on the bus, p99 ms: where the tail grows. */
  readonly stagesP99Ms?: { readonly received: number; readonly normalized: number; readonly enriched: number };
  readonly probes?: ProbeReading;
}

export interface SoakGoal {
  readonly name: string;
  readonly ok: boolean;
  /** What was measured against what was asked, for a person. */
  readonly detail: string;
}

/** RSS may grow less than this after warm-up… */
export const MAX_RSS_GROWTH = 0.1;
/** …p99 stays within this factor of its first window… */
export const MAX_P99_FACTOR = 2;

/**
 * Pure: the goals of the soak from its windows. RSS growth compares the last window with the
 * end of warm-up; p99 compares every later window with the first; a goal that needs more
 * windows than there were is reported as not measured (ok), never as met silently.
 */
export function soakGoals(windows: readonly SoakWindow[], warmupWindows: number, deadLetters: number): SoakGoal[] {
  const goals: SoakGoal[] = [];
  const baseline = windows[warmupWindows - 1];
  const last = windows[windows.length - 1];
  if (baseline === undefined || last === undefined || last === baseline) {
    goals.push({ name: 'RSS growth after warm-up < 10 %', ok: true, detail: `not measured: ${windows.length} window(s), warm-up ${warmupWindows}` });
  } else {
    const growth = (last.rssMb - baseline.rssMb) / baseline.rssMb;
    goals.push({
      name: 'RSS growth after warm-up < 10 %',
      ok: growth < MAX_RSS_GROWTH,
      detail: `${baseline.rssMb.toFixed(0)} MB after window ${baseline.index} → ${last.rssMb.toFixed(0)} MB after window ${last.index} (${(growth * 100).toFixed(1)} %)`,
    });
  }
  // The first window after warm-up is the baseline: window 1 holds every execution
  // environment's cold start, which is not the steady state the goal is about.
  const first = windows[warmupWindows];
  const later = windows.slice(warmupWindows + 1).filter((w) => Number.isFinite(w.p99Ms));
  if (first === undefined || !Number.isFinite(first.p99Ms) || later.length === 0) {
    goals.push({ name: 'p99 within 2× its first window after warm-up', ok: true, detail: 'not measured: fewer than two windows with stored readings after warm-up' });
  } else {
    const worst = later.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
    goals.push({
      name: 'p99 within 2× its first window after warm-up',
      ok: worst.p99Ms <= MAX_P99_FACTOR * first.p99Ms,
      detail: `window ${first.index} ${first.p99Ms.toFixed(0)} ms, worst ${worst.p99Ms.toFixed(0)} ms (window ${worst.index}, ${(worst.p99Ms / first.p99Ms).toFixed(2)}×, load average ${worst.loadAverage.toFixed(1)})`,
    });
  }
  goals.push({ name: 'no DLQ entries', ok: deadLetters === 0, detail: `${deadLetters} dead-letter message(s)` });
  return goals;
}

/** Not a goal, shown beside them: the warm-up windows' p99, cold starts included. */
export function p99DuringWarmup(windows: readonly SoakWindow[], warmupWindows: number): string | undefined {
  const warmup = windows.slice(0, warmupWindows).filter((w) => Number.isFinite(w.p99Ms));
  if (warmup.length === 0) return undefined;
  return `p99 during warm-up (cold starts): ${warmup.map((w) => `window ${w.index} ${w.p99Ms.toFixed(0)} ms`).join(', ')}`;
}
