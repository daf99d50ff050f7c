import type { LatencySummary } from '../harness/latency';
import { summarize } from '../harness/stats';
import type { Figure, Step, StepContext, StepResult } from '../harness/step';
import { fmt, table } from '../report/markdown-format';
import { CEILING_STEP_ID } from './ceiling';
import type { RuntimePressure } from '@pulse/local-runtime';
import { BACKLOG_BOUND_SECONDS, MAX_P99_MS, MAX_SEND_OVERRUN, runHold, type FunctionDurations, type HoldResult } from './e2e-hold';
import { sharedPipeline } from './shared-pipeline';

export const E2E_THROUGHPUT_STEP_ID = 'e2e-throughput';
/** Sustained end to end ≥ half the ceiling measured in the same run. */
export const SUSTAINED_TARGET_RATIO = 0.5;

export interface ThroughputPlan {
  /** A hold whose figures are dropped: the runtime's workers start and warm up. */
  readonly warmup: { readonly rate: number; readonly holdMs: number };
  /** Readings/s tried in order until the pipeline falls behind. */
  readonly levels: readonly number[];
  readonly holdMs: number;
  readonly drainTimeoutMs: number;
  /** A level that falls behind is tried once more before the ramp stops (a shared machine's hiccup is not a limit). */
  readonly confirmFailures: boolean;
}

export const THROUGHPUT_PLANS: Readonly<Record<'quick' | 'full', ThroughputPlan>> = {
  quick: { warmup: { rate: 500, holdMs: 2_000 }, levels: [250, 500, 1_000, 2_000], holdMs: 3_000, drainTimeoutMs: 10_000, confirmFailures: false },
  full: { warmup: { rate: 500, holdMs: 5_000 }, levels: [250, 500, 1_000, 1_500, 2_000, 3_000, 4_000, 6_000, 8_000], holdMs: 10_000, drainTimeoutMs: 30_000, confirmFailures: true },
};

export interface LevelRecord {
  readonly rate: number;
  readonly attempt: number;
  readonly acceptedPerSecond: number;
  readonly sent: number;
  readonly accepted: number;
  readonly stored: number;
  readonly backlogAtEnd: number;
  readonly maxLagMs: number;
  readonly acceptToStored: LatencySummary;
  readonly http: LatencySummary;
  readonly pressure: RuntimePressure;
  readonly behind: readonly string[];
}

export interface ThroughputDetail {
  readonly plan: ThroughputPlan;
  readonly batchSize: number;
  readonly levels: readonly LevelRecord[];
  /** The highest level that kept up (its offered readings/s); 0 when none did. */
  readonly sustainedRate: number;
  /** What that level really carried: accepted (and so stored) readings per second. */
  readonly sustainedReadingsPerSecond: number;
  readonly ceilingItemsPerSecond?: number;
  readonly ratioToCeiling?: number;
  readonly criteria: { readonly backlogBoundSeconds: number; readonly maxP99Ms: number; readonly maxSendOverrun: number };
  /** The runner's view of the reading path's functions after the last level. */
  readonly functions: Readonly<Record<string, FunctionDurations>>;
}

/**
 * Step 2: the simulator city's gateway batches through HTTP → five services → dynalite (the
 * whole local runtime in this process) at increasing rates, each held for a fixed time, until
 * the pipeline falls behind (backlog over one second of arrivals at the end of the hold, the
 * last 202 over a second after the last request,
 * accept → stored p99 over 1 s, readings not accepted, or the load not offered on time).
 * Figure: the highest sustained readings/s, and its ratio to step 1's ceiling of this run.
 */
export function e2eThroughputStep(): Step {
  return { id: E2E_THROUGHPUT_STEP_ID, order: 2, title: 'End-to-end throughput', run: runThroughput };
}

async function runThroughput(context: StepContext): Promise<StepResult> {
  const plan = context.options.quick ? THROUGHPUT_PLANS.quick : THROUGHPUT_PLANS.full;
  const world = await sharedPipeline(context);
  context.progress(`warm-up ${plan.warmup.rate} readings/s`, 0, plan.levels.length);
  // The first hold starts every execution environment: give its drain more time, so no backlog reaches the first level.
  await runHold(world, { rate: plan.warmup.rate, holdMs: plan.warmup.holdMs, probes: 0, drainTimeoutMs: 2 * plan.drainTimeoutMs });

  const levels: LevelRecord[] = [];
  let best: HoldResult | undefined;
  let last: HoldResult | undefined;
  for (const [index, rate] of plan.levels.entries()) {
    let hold: HoldResult | undefined;
    for (let attempt = 1; attempt <= (plan.confirmFailures ? 2 : 1); attempt++) {
      context.progress(`${fmt(rate, 0)} readings/s${attempt > 1 ? ' (again)' : ''}`, index + 1, plan.levels.length);
      hold = await runHold(world, { rate, holdMs: plan.holdMs, probes: 0, drainTimeoutMs: plan.drainTimeoutMs });
      levels.push(levelRecord(hold, attempt));
      if (hold.behind.length > 0) context.log(`${fmt(rate, 0)} readings/s: behind — ${hold.behind.join('; ')}`);
      if (hold.behind.length === 0) break;
    }
    last = hold;
    if (!hold || hold.behind.length > 0) break;
    best = hold;
  }

  const ceiling = context.resultOf(CEILING_STEP_ID)?.figures.find((f) => f.name === 'items-per-second')?.stats.median;
  const sustained = best?.acceptedPerSecond ?? 0;
  const ratio = ceiling ? sustained / ceiling : undefined;
  const detail: ThroughputDetail = {
    plan,
    batchSize: world.batchSize,
    levels,
    sustainedRate: best?.rate ?? 0,
    sustainedReadingsPerSecond: sustained,
    ...(ceiling === undefined ? {} : { ceilingItemsPerSecond: ceiling }),
    ...(ratio === undefined ? {} : { ratioToCeiling: ratio }),
    criteria: { backlogBoundSeconds: BACKLOG_BOUND_SECONDS, maxP99Ms: MAX_P99_MS, maxSendOverrun: MAX_SEND_OVERRUN },
    functions: last?.functions ?? {},
  };
  const figures: Figure[] = [
    {
      name: 'sustained-readings-per-second',
      unit: 'readings/s',
      stats: summarize([sustained]),
      counts: best
        ? { rate: best.rate, sent: best.sent, accepted: best.accepted, stored: best.stored, samples: best.latency['accept-to-stored'].count, levels: levels.length }
        : { rate: 0, sent: 0, accepted: 0, stored: 0, samples: 0, levels: levels.length },
    },
  ];
  if (ratio !== undefined && ceiling !== undefined) {
    figures.push({ name: 'ratio-to-ceiling', unit: 'ratio', stats: summarize([ratio]), counts: { ceilingItemsPerSecond: Math.round(ceiling), sustainedReadingsPerSecond: Math.round(sustained) } });
  }
  const misses: string[] = [];
  if (ratio !== undefined && ratio < SUSTAINED_TARGET_RATIO) {
    misses.push(`sustained ${fmt(sustained, 0)} readings/s is ${fmt(ratio, 2)} × the ceiling (${fmt(ceiling ?? 0, 0)} items/s); target ≥ ${SUSTAINED_TARGET_RATIO}`);
  }
  return { figures, markdown: throughputMarkdown(detail), detail, misses };
}

function levelRecord(hold: HoldResult, attempt: number): LevelRecord {
  return {
    rate: hold.rate,
    attempt,
    acceptedPerSecond: hold.acceptedPerSecond,
    sent: hold.sent,
    accepted: hold.accepted,
    stored: hold.stored,
    backlogAtEnd: hold.backlogAtEnd,
    maxLagMs: hold.send.maxLagMs,
    acceptToStored: hold.latency['accept-to-stored'],
    http: hold.latency['http-202'],
    pressure: hold.pressure,
    behind: hold.behind,
  };
}

function throughputMarkdown(detail: ThroughputDetail): string {
  const ms = (v: number) => fmt(v, 0);
  const rows = detail.levels.map((l) => [
    `${fmt(l.rate, 0)}${l.attempt > 1 ? ' (again)' : ''}`,
    fmt(l.acceptedPerSecond, 0),
    `${fmt(l.sent, 0)} / ${fmt(l.accepted, 0)} / ${fmt(l.stored, 0)}`,
    fmt(l.backlogAtEnd, 0),
    `${ms(l.acceptToStored.p50Ms)} / ${ms(l.acceptToStored.p99Ms)}`,
    `${ms(l.http.p50Ms)} / ${ms(l.http.p99Ms)}`,
    pressureCell(l.pressure),
    l.behind.length === 0 ? 'kept up' : `**behind**: ${l.behind.join('; ')}`,
  ]);
  const plan = detail.plan;
  const ratio =
    detail.ratioToCeiling === undefined
      ? 'Step 1 did not run in this bench run, so there is no ceiling to compare with.'
      : `Ratio to step 1's ceiling (${fmt(detail.ceilingItemsPerSecond ?? 0, 0)} items/s): **${fmt(detail.ratioToCeiling, 2)}** (target ≥ ${SUSTAINED_TARGET_RATIO}).`;
  return [
    `The whole local runtime in this process (HTTP API, the five services' bundles in the function runner, the local bus, dynalite in its own process; in-memory tables, real time), the simulator's city sending gateway batches of ${detail.batchSize} to POST /v1/readings on a fixed schedule, each rate held ${fmt(plan.holdMs / 1000, 0)} s after a ${fmt(plan.warmup.holdMs / 1000, 0)} s warm-up at ${plan.warmup.rate}/s. Behind means: more than ${detail.criteria.backlogBoundSeconds} s of arrivals accepted but not stored when the hold ends, the last 202 more than ${detail.criteria.backlogBoundSeconds} s after the last request (the backlog held in the API's queue instead), accept → stored p99 over ${detail.criteria.maxP99Ms} ms, readings not accepted, or the load offered more than ${Math.round((detail.criteria.maxSendOverrun - 1) * 100)} % late.`,
    '',
    table(['readings/s offered', 'accepted/s', 'sent / accepted / stored', 'backlog at end', 'accept → stored p50 / p99 ms', '202 p50 / p99 ms', 'event-loop delay p99 ms · most queued', 'verdict'], rows),
    '',
    `Highest sustained: **${fmt(detail.sustainedReadingsPerSecond, 0)} readings/s** (the ${fmt(detail.sustainedRate, 0)}/s level). ${ratio}`,
  ].join('\n');
}

/** `42 · store-readings 12, enrich-readings 3`: this process's event-loop delay and the functions whose invocations queued most. */
export function pressureCell(pressure: RuntimePressure): string {
  const queued = Object.entries(pressure.maxQueueDepth)
    .filter(([, depth]) => depth > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, depth]) => `${name} ${depth}`);
  return `${fmt(pressure.eventLoopDelayMs.p99, 0)} · ${queued.length > 0 ? queued.join(', ') : 'none queued'}`;
}
