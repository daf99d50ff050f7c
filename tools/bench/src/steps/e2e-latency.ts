import type { LatencySummary } from '../harness/latency';
import { latestStepRecord } from '../harness/results';
import { summarize } from '../harness/stats';
import type { Figure, Step, StepContext, StepResult } from '../harness/step';
import { fmt, table } from '../report/markdown-format';
import type { RuntimePressure } from '@pulse/local-runtime';
import { runHold, type FunctionDurations, type HoldResult } from './e2e-hold';
import { LATENCIES, LATENCY_KEYS, LatencySet, PROBE_LATENCIES, type LatencyKey } from './e2e-latency-set';
import { E2E_THROUGHPUT_STEP_ID, pressureCell, type ThroughputDetail } from './e2e-throughput';
import { sharedPipeline } from './shared-pipeline';

export const E2E_LATENCY_STEP_ID = 'e2e-latency';
/** The issue's targets, at 1,000 readings/s. */
export const LATENCY_TARGETS = { rate: 1_000, acceptToStoredP99Ms: 50, exceedanceToAlertP99Ms: 100 } as const;

export interface LatencyPlan {
  /** A hold before each rate's runs whose figures are dropped. */
  readonly warmupMs: number;
  readonly runs: number;
  readonly holdMs: number;
  /** Exceedance probes per run, each in a zone of its own. */
  readonly probesPerRun: number;
  readonly drainTimeoutMs: number;
}

export const LATENCY_PLANS: Readonly<Record<'quick' | 'full', LatencyPlan>> = {
  quick: { warmupMs: 1_500, runs: 1, holdMs: 4_000, probesPerRun: 6, drainTimeoutMs: 10_000 },
  full: { warmupMs: 3_000, runs: 3, holdMs: 10_000, probesPerRun: 12, drainTimeoutMs: 30_000 },
};

/** Percentiles shown per latency: the end-to-end ones get p95 too. */
const PERCENTILES: Readonly<Record<LatencyKey, readonly ('p50Ms' | 'p95Ms' | 'p99Ms')[]>> = {
  'accept-to-stored': ['p50Ms', 'p95Ms', 'p99Ms'],
  'exceedance-to-alert': ['p50Ms', 'p95Ms', 'p99Ms'],
  'http-202': ['p50Ms', 'p99Ms'],
  ingest: ['p50Ms', 'p99Ms'],
  transform: ['p50Ms', 'p99Ms'],
  enrich: ['p50Ms', 'p99Ms'],
  persist: ['p50Ms', 'p99Ms'],
  alert: ['p50Ms', 'p99Ms'],
};

export interface RunRecord {
  readonly sent: number;
  readonly accepted: number;
  readonly stored: number;
  readonly probes: { readonly sent: number; readonly raised: number };
  readonly acceptedPerSecond: number;
  readonly backlogAtEnd: number;
  readonly latency: Readonly<Record<LatencyKey, LatencySummary>>;
  readonly pressure: RuntimePressure;
  readonly behind: readonly string[];
  readonly retries: number;
}

export interface RateDetail {
  /** `1000/s` or `80 % of max`. */
  readonly label: string;
  readonly rate: number;
  readonly runs: readonly RunRecord[];
  /** Every run's samples in one histogram per latency. */
  readonly pooled: Readonly<Record<LatencyKey, LatencySummary>>;
  readonly totals: { readonly sent: number; readonly accepted: number; readonly stored: number; readonly probes: number; readonly raised: number };
  /** The runner's window of recent invocations after the last run (handler durations). */
  readonly functions: Readonly<Record<string, FunctionDurations>>;
}

export interface LatencyDetail {
  readonly plan: LatencyPlan;
  /** Step 2's maximum the 80 % rate comes from, and where it was read. */
  readonly maxSustained?: { readonly readingsPerSecond: number; readonly from: string };
  readonly rates: readonly RateDetail[];
}

/**
 * Step 3: end-to-end latency at 1,000 readings/s and at 80 % of step 2's maximum, from HDR
 * histograms of the bus observer's stamps: HTTP accept → ReadingsStored per reading, an
 * exceedance's accept → AlertRaised per probe zone, and each hop matched by readingIds.
 */
export function e2eLatencyStep(): Step {
  return { id: E2E_LATENCY_STEP_ID, order: 3, title: 'End-to-end latency', run: runLatency };
}

async function runLatency(context: StepContext): Promise<StepResult> {
  const plan = context.options.quick ? LATENCY_PLANS.quick : LATENCY_PLANS.full;
  const max = await maxSustained(context);
  const rates: { label: string; rate: number }[] = [{ label: `${fmt(LATENCY_TARGETS.rate, 0)}/s`, rate: LATENCY_TARGETS.rate }];
  if (max && max.readingsPerSecond > 0) rates.push({ label: '80 % of max', rate: Math.round(0.8 * max.readingsPerSecond) });
  else context.log('no maximum from step 2 (in this run or a results file): only the 1,000/s rate is measured');
  const world = await sharedPipeline(context);

  const details: RateDetail[] = [];
  for (const { label, rate } of rates) {
    context.progress(`${label} (${fmt(rate, 0)} readings/s) warm-up`, 0, plan.runs);
    await runHold(world, { rate, holdMs: plan.warmupMs, probes: 0, drainTimeoutMs: 2 * plan.drainTimeoutMs });
    const pooled = new LatencySet();
    const holds: HoldResult[] = [];
    for (let run = 1; run <= plan.runs; run++) {
      context.progress(`${label} (${fmt(rate, 0)} readings/s)`, run, plan.runs);
      const hold = await runHold(world, { rate, holdMs: plan.holdMs, probes: plan.probesPerRun, drainTimeoutMs: plan.drainTimeoutMs }, pooled);
      if (hold.behind.length > 0) context.log(`${label}: behind — ${hold.behind.join('; ')}`);
      holds.push(hold);
    }
    details.push(rateDetail(label, rate, holds, pooled));
  }

  const detail: LatencyDetail = { plan, ...(max ? { maxSustained: max } : {}), rates: details };
  return { figures: details.flatMap(rateFigures), markdown: latencyMarkdown(detail), detail, misses: latencyMisses(details) };
}

/** Step 2's maximum: this run's, else the newest results file's. */
async function maxSustained(context: StepContext): Promise<{ readingsPerSecond: number; from: string } | undefined> {
  const here = context.resultOf(E2E_THROUGHPUT_STEP_ID)?.detail as ThroughputDetail | undefined;
  if (here) return { readingsPerSecond: here.sustainedReadingsPerSecond, from: 'step 2 of this run' };
  const latest = await latestStepRecord(context.options.outDir, E2E_THROUGHPUT_STEP_ID);
  const earlier = latest?.record.detail as ThroughputDetail | undefined;
  if (!latest || !earlier) return undefined;
  return { readingsPerSecond: earlier.sustainedReadingsPerSecond, from: latest.file };
}

function rateDetail(label: string, rate: number, holds: readonly HoldResult[], pooled: LatencySet): RateDetail {
  const sum = (f: (h: HoldResult) => number) => holds.reduce((total, h) => total + f(h), 0);
  return {
    label,
    rate,
    runs: holds.map((h) => ({
      sent: h.sent,
      accepted: h.accepted,
      stored: h.stored,
      probes: h.probes,
      acceptedPerSecond: h.acceptedPerSecond,
      backlogAtEnd: h.backlogAtEnd,
      latency: h.latency,
      pressure: h.pressure,
      behind: h.behind,
      retries: h.deliveries.retries,
    })),
    pooled: pooled.summary(),
    totals: { sent: sum((h) => h.sent), accepted: sum((h) => h.accepted), stored: sum((h) => h.stored), probes: sum((h) => h.probes.sent), raised: sum((h) => h.probes.raised) },
    functions: holds[holds.length - 1]?.functions ?? {},
  };
}

/**
 * One figure per latency and percentile: the median of the runs' values, with the pooled
 * sample count beside what was sent and stored (probes sent and alerts raised for the alert
 * latencies), which the bench's own test compares.
 */
function rateFigures(rate: RateDetail): Figure[] {
  return LATENCY_KEYS.flatMap((key) => {
    const measured = rate.runs.filter((r) => r.latency[key].count > 0);
    if (measured.length === 0) return [];
    const probe = PROBE_LATENCIES.includes(key);
    const counts: Record<string, number> = probe
      ? { samples: rate.pooled[key].count, probes: rate.totals.probes, raised: rate.totals.raised, runs: rate.runs.length }
      : { samples: rate.pooled[key].count, sent: rate.totals.sent, accepted: rate.totals.accepted, stored: rate.totals.stored, runs: rate.runs.length };
    return PERCENTILES[key].map((p) => ({ name: `${key}.${p.slice(0, 3)}@${rate.rate}`, unit: 'ms', stats: summarize(measured.map((r) => r.latency[key][p])), counts }));
  });
}

function latencyMisses(rates: readonly RateDetail[]): string[] {
  const at = rates.find((r) => r.rate === LATENCY_TARGETS.rate);
  if (!at) return [];
  const misses: string[] = [];
  const stored = at.pooled['accept-to-stored'];
  const alert = at.pooled['exceedance-to-alert'];
  if (stored.p99Ms > LATENCY_TARGETS.acceptToStoredP99Ms) misses.push(`accept → stored p99 ${fmt(stored.p99Ms, 0)} ms at 1,000 readings/s; target ≤ ${LATENCY_TARGETS.acceptToStoredP99Ms} ms`);
  if (alert.count === 0) misses.push('no AlertRaised observed for the exceedance probes at 1,000 readings/s');
  else if (alert.p99Ms > LATENCY_TARGETS.exceedanceToAlertP99Ms) misses.push(`exceedance → AlertRaised p99 ${fmt(alert.p99Ms, 0)} ms at 1,000 readings/s; target ≤ ${LATENCY_TARGETS.exceedanceToAlertP99Ms} ms`);
  return misses;
}

function latencyMarkdown(detail: LatencyDetail): string {
  const plan = detail.plan;
  const ms = (v: number) => fmt(v, v < 10 ? 1 : 0);
  const sections = detail.rates.map((rate) => {
    const t = rate.totals;
    const rows = LATENCY_KEYS.map((key) => {
      const s = rate.pooled[key];
      return [key, LATENCIES[key], fmt(s.count, 0), ms(s.p50Ms), ms(s.p95Ms), ms(s.p99Ms), ms(s.maxMs)];
    });
    const functions = Object.entries(rate.functions).map(([name, f]) => `${name} ${ms(f.p50Ms)} / ${ms(f.p99Ms)}${f.errors > 0 ? ` (${f.errors} failed, ${f.timeouts} timed out, all runs)` : ''}`);
    const behind = rate.runs.flatMap((r, i) => r.behind.map((b) => `run ${i + 1}: ${b}`));
    return [
      `### ${rate.label}: ${fmt(rate.rate, 0)} readings/s`,
      '',
      `${rate.runs.length} run(s) of ${fmt(plan.holdMs / 1000, 0)} s: ${fmt(t.sent, 0)} readings sent, ${fmt(t.accepted, 0)} accepted, ${fmt(t.stored, 0)} stored; ${t.probes} exceedance probes, ${t.raised} alerts raised. Percentiles of every run's samples together (ms):`,
      '',
      table(['latency', 'from → to', 'samples', 'p50', 'p95', 'p99', 'max'], rows),
      '',
      `Handler durations in the runner, p50 / p99 ms (its window of recent invocations): ${functions.join(', ')}.`,
      `Where work waited, per run (this process's event-loop delay p99 ms · most invocations queued for a free environment): ${rate.runs.map((r) => pressureCell(r.pressure)).join('; ')}.`,
      ...(behind.length > 0 ? ['', `The pipeline fell behind: ${behind.join('; ')}.`] : []),
    ].join('\n');
  });
  const max =
    detail.rates.length > 1 && detail.maxSustained
      ? `1,000/s and 80 % of step 2's maximum of ${fmt(detail.maxSustained.readingsPerSecond, 0)} readings/s (${detail.maxSustained.from})`
      : `1,000/s only (${detail.maxSustained ? `step 2 sustained no rate (${detail.maxSustained.from})` : 'no maximum from step 2 in this run or a results file'})`;
  return [
    `The shared local runtime of step 2; each rate gets a ${fmt(plan.warmupMs / 1000, 1)} s warm-up, then ${plan.runs} run(s) of ${fmt(plan.holdMs / 1000, 0)} s with ${plan.probesPerRun} exceedance probes each (3 readings at PM2.5 60 µg/m³ from a device alone in a fresh zone: the alert rule's 3 readings at AQI ≥ 101). Rates: ${max}. Stamps: ingest's receivedAt is the accept; each event's arrival at the bus observer (PutEvents accepted) ends its hop; readings are matched by readingId, alerts by zone. Targets at 1,000/s: accept → stored p99 ≤ ${LATENCY_TARGETS.acceptToStoredP99Ms} ms, exceedance → AlertRaised p99 ≤ ${LATENCY_TARGETS.exceedanceToAlertP99Ms} ms.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
}
