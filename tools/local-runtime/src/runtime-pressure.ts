import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The functions a reading passes through, with the API-key authorizer in front. */
export const READING_PATH_FUNCTIONS = ['authorize-api-key', 'receive-readings', 'normalize-readings', 'enrich-readings', 'store-readings', 'evaluate-readings'];

/** Where work waited in a window: evidence for where the time goes. */
export interface RuntimePressure {
  /** Delay of this process's event loop (the HTTP API, the bus and the dispatcher share it). */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Most invocations seen waiting for a free execution environment, per reading-path function. */
  readonly maxQueueDepth: Readonly<Record<string, number>>;
  /** Most deliveries the bus had accepted and not yet acknowledged. */
  readonly maxPendingDeliveries: number;
}

/** What the watch reads of a runtime (a `LocalRuntime` has both). */
export interface PressureSource {
  readonly runner: { stats(): Readonly<Record<string, { readonly queueDepth: number }>> };
  readonly bus: { readonly dispatcher: { stats(): { readonly pending: number } } };
}

const LOOP_RESOLUTION_MS = 10;

/**
 * Samples the runner's queues and the bus's pending deliveries every `sampleEveryMs`, and this
 * process's event-loop delay throughout; `read()` returns the window since the previous read and
 * starts the next. Not much faster than 250 ms: every runner.stats() sorts each function's
 * window of 1,000 durations on this thread.
 */
export class PressureWatch {
  private readonly loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private readonly timer: NodeJS.Timeout;
  private maxQueueDepth: Record<string, number> = {};
  private maxPendingDeliveries = 0;

  constructor(
    private readonly runtime: PressureSource,
    sampleEveryMs: number,
  ) {
    this.loop.enable();
    this.sample();
    this.timer = setInterval(() => this.sample(), sampleEveryMs);
    this.timer.unref();
  }

  read(): RuntimePressure {
    this.sample();
    // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4) / 100 - LOOP_RESOLUTION_MS);
    const pressure: RuntimePressure = {
      eventLoopDelayMs: { p50: ms(this.loop.percentile(50)), p99: ms(this.loop.percentile(99)), max: ms(this.loop.max) },
      maxQueueDepth: this.maxQueueDepth,
      maxPendingDeliveries: this.maxPendingDeliveries,
    };
    this.loop.reset();
    this.maxQueueDepth = {};
    this.maxPendingDeliveries = 0;
    this.sample();
    return pressure;
  }

  stop(): void {
    clearInterval(this.timer);
    this.loop.disable();
  }

  private sample(): void {
    const stats = this.runtime.runner.stats();
    for (const name of READING_PATH_FUNCTIONS) this.maxQueueDepth[name] = Math.max(this.maxQueueDepth[name] ?? 0, stats[name]?.queueDepth ?? 0);
    this.maxPendingDeliveries = Math.max(this.maxPendingDeliveries, this.runtime.bus.dispatcher.stats().pending);
  }
}
