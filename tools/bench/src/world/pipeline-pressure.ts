import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PipelineWorld } from './pipeline-world';

/** The functions a reading passes through, with the API-key authorizer in front. */
export const READING_PATH_FUNCTIONS = ['authorize-api-key', 'receive-readings', 'normalize-readings', 'enrich-readings', 'store-readings', 'evaluate-readings'];

/** Where work waited during the hold: evidence for where the time goes. */
export interface HoldPressure {
  /** Delay of this process's event loop (the HTTP API, the bus, the dispatcher and the sender share it). */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Most invocations seen waiting for a free execution environment, per function (sampled every 250 ms). */
  readonly maxQueueDepth: Readonly<Record<string, number>>;
  /** Most deliveries the bus had accepted and not yet acknowledged. */
  readonly maxPendingDeliveries: number;
}

/** Samples the runner's queues and the bus's pending deliveries, and this process's event-loop delay, until stopped. */
export function watchPressure(world: PipelineWorld): { stop(): HoldPressure } {
  const { runtime } = world;
  const resolutionMs = 10;
  const loop = monitorEventLoopDelay({ resolution: resolutionMs });
  loop.enable();
  const maxQueueDepth: Record<string, number> = Object.fromEntries(READING_PATH_FUNCTIONS.map((name) => [name, 0]));
  let maxPendingDeliveries = 0;
  const sample = () => {
    const stats = runtime.runner.stats();
    for (const name of READING_PATH_FUNCTIONS) maxQueueDepth[name] = Math.max(maxQueueDepth[name] ?? 0, stats[name]?.queueDepth ?? 0);
    maxPendingDeliveries = Math.max(maxPendingDeliveries, runtime.bus.dispatcher.stats().pending);
  };
  // Not faster: every runner.stats() sorts each function's window of 1,000 durations on this thread.
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      loop.disable();
      // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
      const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4) / 100 - resolutionMs);
      return { eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) }, maxQueueDepth, maxPendingDeliveries };
    },
  };
}
