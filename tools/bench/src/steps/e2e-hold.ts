import { PressureWatch, READING_PATH_FUNCTIONS, type RuntimePressure } from '@pulse/local-runtime';
import type { LatencySummary } from '../harness/latency';
import { sendLoad, type SendOutcome } from '../world/load-sender';
import type { PipelineWorld } from '../world/pipeline-world';
import { LatencySet, type LatencyKey } from './e2e-latency-set';

/**
 * The pipeline falls behind when, at the end of a hold, more than this many seconds of arrivals
 * are accepted but not stored, or the last 202 comes back more than this long after the last
 * request went out (the API and receive-readings' queue held the backlog instead)…
 */
export const BACKLOG_BOUND_SECONDS = 1;
/** …or when accept → stored p99 is above this. */
export const MAX_P99_MS = 1_000;
/** …or when the load could not be offered on schedule (the sender's own process saturated). */
export const MAX_SEND_OVERRUN = 1.1;

export interface HoldPlan {
  readonly rate: number;
  readonly holdMs: number;
  /** Exceedance probes during the hold (fewer when the world has fewer left). */
  readonly probes: number;
  /** How long to wait after the hold for everything accepted to be stored and every probe's alert. */
  readonly drainTimeoutMs: number;
}

export interface FunctionDurations {
  readonly invocations: number;
  /** Failed invocations (the bus retries them), of which timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly coldStarts: number;
  readonly workers: number;
}

export interface HoldResult {
  readonly rate: number;
  readonly holdMs: number;
  readonly send: Omit<SendOutcome, 'probes'>;
  /** Readings sent (load and probes), acknowledged with a 202, and named by a ReadingsStored. */
  readonly sent: number;
  readonly accepted: number;
  readonly stored: number;
  /** Accepted readings per second while the load was offered. */
  readonly acceptedPerSecond: number;
  /** Accepted but not yet stored when the last answer came back. */
  readonly backlogAtEnd: number;
  /** Everything accepted was stored (and every probe alerted) within the drain timeout. */
  readonly drained: boolean;
  readonly drainMs: number;
  readonly probes: { readonly sent: number; readonly raised: number };
  /** Per latency, over this hold's readings (probes for the alert ones). */
  readonly latency: Readonly<Record<LatencyKey, LatencySummary>>;
  /** The runner's view of each reading-path function (its window of recent invocations). */
  readonly functions: Readonly<Record<string, FunctionDurations>>;
  readonly deliveries: { readonly retries: number; readonly deadLettered: number };
  readonly pressure: RuntimePressure;
  /** Why the pipeline did not sustain the rate; empty when it did. */
  readonly behind: readonly string[];
}


/**
 * Offers `rate` readings/s for `holdMs` through the HTTP API, then waits (bounded) until every
 * accepted reading is stored and every probe's AlertRaised was seen, and measures from the
 * bus observer's stamps.
 */
export async function runHold(world: PipelineWorld, plan: HoldPlan, pooled?: LatencySet): Promise<HoldResult> {
  const { observer, runtime } = world;
  observer.clear();
  const batchCount = Math.max(1, Math.round((plan.rate * plan.holdMs) / 1000 / world.batchSize));
  const batches = world.nextBatches(batchCount);
  const probes = Array.from({ length: Math.min(plan.probes, world.probesLeft) }, () => world.nextProbe());
  const dispatcherBefore = runtime.bus.dispatcher.stats();

  const watch = new PressureWatch(runtime, 250);
  const send = await sendLoad({ api: runtime.endpoints.api, apiKey: runtime.endpoints.apiKey }, { rate: plan.rate, batches, probes }, observer);
  const atEnd = observer.counts();
  const backlogAtEnd = atEnd.accepted - atEnd.stored;

  const drainStarted = performance.now();
  const settled = () => observer.counts().stored >= observer.counts().accepted && send.probes.every((p) => !Number.isNaN(observer.alertRaisedAt(p.zoneId)));
  while (!settled() && performance.now() - drainStarted < plan.drainTimeoutMs) await sleep(20);
  const drained = settled();
  const drainMs = performance.now() - drainStarted;
  // The next hold starts on a quiet pipeline (no function busy or queued, no delivery in flight).
  while (!world.quiet() && performance.now() - drainStarted < plan.drainTimeoutMs) await sleep(20);

  const pressure = watch.read();
  watch.stop();
  const latency = new LatencySet();
  recordLatencies(world, send, pooled ? [latency, pooled] : [latency]);
  const counts = observer.counts();
  const dispatcherAfter = runtime.bus.dispatcher.stats();
  const { probes: sentProbes, ...sendCounts } = send;
  const raised = sentProbes.filter((p) => !Number.isNaN(observer.alertRaisedAt(p.zoneId))).length;
  const result = {
    rate: plan.rate,
    holdMs: plan.holdMs,
    send: sendCounts,
    sent: counts.tracked,
    accepted: counts.accepted,
    stored: counts.stored,
    // N batches offered one interval apart occupy N intervals.
    acceptedPerSecond: counts.accepted / Math.max(send.sendSeconds + world.batchSize / plan.rate, (batchCount * world.batchSize) / plan.rate),
    backlogAtEnd,
    drained,
    drainMs,
    probes: { sent: sentProbes.length, raised },
    latency: latency.summary(),
    functions: functionDurations(runtime.runner.stats()),
    pressure,
    deliveries: { retries: dispatcherAfter.retries - dispatcherBefore.retries, deadLettered: dispatcherAfter.deadLettered - dispatcherBefore.deadLettered },
  };
  return { ...result, behind: behindReasons(result, plannedSendSeconds(batchCount, world.batchSize, plan.rate)) };
}

/** How long offering the batches should take on schedule (first to last request). */
export function plannedSendSeconds(batches: number, batchSize: number, rate: number): number {
  return ((batches - 1) * batchSize) / rate;
}

/** Why a hold shows the pipeline falling behind its rate; empty when it kept up. */
export function behindReasons(
  hold: Pick<HoldResult, 'rate' | 'sent' | 'accepted' | 'stored' | 'backlogAtEnd' | 'drained'> & {
    send: Pick<SendOutcome, 'sendSeconds' | 'seconds' | 'notAccepted'>;
    latency: { 'accept-to-stored': Pick<LatencySummary, 'p99Ms'> };
  },
  plannedSeconds: number,
): string[] {
  const reasons: string[] = [];
  if (hold.send.notAccepted > 0) reasons.push(`${hold.send.notAccepted} readings not accepted (answers other than 202)`);
  if (plannedSeconds > 0 && hold.send.sendSeconds > plannedSeconds * MAX_SEND_OVERRUN + 0.05) {
    reasons.push(`the load took ${hold.send.sendSeconds.toFixed(2)} s to offer instead of ${plannedSeconds.toFixed(2)} s`);
  }
  // Open loop: a request the API cannot take yet waits in its queue, so only the answers show it.
  const answersLagSeconds = hold.send.seconds - hold.send.sendSeconds;
  if (answersLagSeconds > BACKLOG_BOUND_SECONDS) {
    reasons.push(`the last 202 came ${answersLagSeconds.toFixed(2)} s after the last request (bound ${BACKLOG_BOUND_SECONDS} s): the API's queue held the backlog`);
  }
  const bound = hold.rate * BACKLOG_BOUND_SECONDS;
  if (hold.backlogAtEnd > bound) reasons.push(`${hold.backlogAtEnd} readings accepted but not stored at the end of the hold (bound ${Math.round(bound)})`);
  if (hold.latency['accept-to-stored'].p99Ms > MAX_P99_MS) reasons.push(`accept → stored p99 ${Math.round(hold.latency['accept-to-stored'].p99Ms)} ms > ${MAX_P99_MS} ms`);
  if (!hold.drained || hold.stored < hold.accepted) reasons.push(`${hold.accepted - hold.stored} accepted readings not stored within the drain timeout`);
  return reasons;
}

function recordLatencies(world: PipelineWorld, send: SendOutcome, sets: readonly LatencySet[]): void {
  const { observer } = world;
  for (const times of observer.all()) for (const set of sets) set.reading(times);
  for (const probe of send.probes) {
    const last = observer.times(probe.readingIds[probe.readingIds.length - 1]);
    if (last) for (const set of sets) set.probe(last, observer.alertRaisedAt(probe.zoneId));
  }
}

function functionDurations(stats: Record<string, { invocations: number; errors: number; timeouts: number; p50DurationMs: number; p99DurationMs: number; coldStarts: number; workers: number }>): Record<string, FunctionDurations> {
  return Object.fromEntries(
    READING_PATH_FUNCTIONS.filter((name) => stats[name]).map((name) => {
      const s = stats[name];
      return [name, { invocations: s.invocations, errors: s.errors, timeouts: s.timeouts, p50Ms: s.p50DurationMs, p99Ms: s.p99DurationMs, coldStarts: s.coldStarts, workers: s.workers }];
    }),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
