import { LatencyRecorder, type LatencySummary } from '../harness/latency';
import { summarize, splitEvenly, type Stats } from '../harness/stats';
import { entryBytes } from '../measure/entry-size';
import type { Lane, StageInvocation } from './pipeline-stages';

/** One measured lane of one hop: CPU per 1,000 readings over runs, and per-invocation means. */
export interface LaneSummary {
  readonly invocations: number;
  readonly readings: number;
  readonly cpuMsPer1000: Stats;
  /** Wall time of the warm invocations here (loopback endpoints: a floor, not AWS's figure). */
  readonly wallMs: LatencySummary;
  readonly mean: {
    readonly readingsPerInvocation: number;
    readonly cpuMs: number;
    readonly wallMs: number;
    readonly calls: number;
    readonly rounds: number;
    readonly logBytes: number;
    readonly logLines: number;
    /** PutEvents entry bytes of the event the hop publishes per invocation. */
    readonly entryBytes?: number;
  };
}

/**
 * Splits a lane's invocations into `runs` consecutive runs; each run's figure is its CPU ms
 * over its readings × 1,000, and the lane's figure the median of the runs.
 */
export function summarizeLane(stage: readonly StageInvocation[], lane: Lane, runs: number, publishes?: string): LaneSummary {
  const invocations = stage.filter((s) => s.lane === lane);
  if (invocations.length === 0) throw new Error(`no ${lane} invocations to summarize`);
  const perRun = splitEvenly(invocations, runs).map((run) => {
    const cpu = run.reduce((sum, s) => sum + s.host.cpuMs, 0);
    const readings = run.reduce((sum, s) => sum + s.readings, 0);
    return (cpu / readings) * 1000;
  });
  const mean = (pick: (s: StageInvocation) => number) => invocations.reduce((sum, s) => sum + pick(s), 0) / invocations.length;
  const wall = new LatencyRecorder();
  for (const s of invocations) wall.record(s.host.wallMs);
  const published = publishes ? invocations.flatMap((s) => s.published.filter((e) => e['detail-type'] === publishes)) : [];
  return {
    invocations: invocations.length,
    readings: invocations.reduce((sum, s) => sum + s.readings, 0),
    cpuMsPer1000: summarize(perRun),
    wallMs: wall.summary(),
    mean: {
      readingsPerInvocation: mean((s) => s.readings),
      cpuMs: mean((s) => s.host.cpuMs),
      wallMs: mean((s) => s.host.wallMs),
      calls: mean((s) => s.host.calls),
      rounds: mean((s) => s.host.rounds),
      logBytes: mean((s) => s.host.logBytes),
      logLines: mean((s) => s.host.logLines),
      ...(published.length > 0 ? { entryBytes: published.reduce((sum, e) => sum + entryBytes(e), 0) / published.length } : {}),
    },
  };
}
