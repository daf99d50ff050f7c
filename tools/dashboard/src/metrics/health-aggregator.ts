import type { FunctionStats } from '@pulse/function-runner';
import type { ServiceDeclaration } from '@pulse/service-kit';
import type { DlqHealth, FunctionHealth, HealthSnapshot } from '../shared/messages';
import type { EmfSample } from './emf';
import { ALERT_RAISE_LATENCY_METRIC, END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE } from './metric-names';
import { SampleWindow } from './sample-window';

export interface HealthAggregatorOptions {
  readonly services: readonly ServiceDeclaration[];
  /** The runner's cumulative counters; absent when no runner is attached. */
  readonly functionStats?: () => Record<string, FunctionStats>;
  /** Latency percentiles cover this many most recent samples. */
  readonly latencySamples?: number;
}

interface Counters {
  readonly at: number;
  readonly busEvents: number;
  readonly functions: ReadonlyMap<string, { readonly invocations: number; readonly errors: number }>;
}

/**
 * Turns cumulative counters (the runner's stats, the bus events seen) and EMF samples into
 * per-second snapshots: each `snapshot` reports rates since the previous one.
 */
export class HealthAggregator {
  private readonly serviceOf = new Map<string, string>();
  private readonly acceptedToStored: SampleWindow;
  private readonly exceedanceToRaised: SampleWindow;
  private busEvents = 0;
  private previous: Counters | undefined;

  constructor(private readonly options: HealthAggregatorOptions) {
    for (const service of options.services) for (const fn of service.functions) this.serviceOf.set(fn.name, service.name);
    const capacity = options.latencySamples ?? 1000;
    this.acceptedToStored = new SampleWindow(capacity);
    this.exceedanceToRaised = new SampleWindow(capacity);
  }

  recordBusEvent(): void {
    this.busEvents += 1;
  }

  /** Only Pulse's namespace counts; other metrics are ignored. */
  recordMetric(sample: EmfSample): void {
    if (sample.namespace !== METRICS_NAMESPACE) return;
    if (sample.name === END_TO_END_LATENCY_METRIC) this.acceptedToStored.add(sample.value);
    else if (sample.name === ALERT_RAISE_LATENCY_METRIC) this.exceedanceToRaised.add(sample.value);
  }

  /** `now` is wall time (rates are per real second); `pipelineNow` the pipeline's clock, passed through. */
  snapshot(now: number, dlq: readonly DlqHealth[], busConnected: boolean, pipelineNow = now): HealthSnapshot {
    const stats = this.options.functionStats?.() ?? {};
    const previous = this.previous;
    const seconds = previous === undefined ? 0 : Math.max(0, now - previous.at) / 1000;
    // The first snapshot has no interval yet: its rates are 0. A function first seen now counts from 0.
    const rate = (current: number, before = 0) => (seconds > 0 ? Math.max(0, current - before) / seconds : 0);

    const functions: FunctionHealth[] = Object.entries(stats)
      .map(([name, s]) => {
        const before = previous?.functions.get(name);
        return {
          service: this.serviceOf.get(name) ?? 'other',
          function: name,
          invocations: s.invocations,
          errors: s.errors,
          invocationsPerSecond: rate(s.invocations, before?.invocations),
          errorsPerSecond: rate(s.errors, before?.errors),
          p50DurationMs: s.p50DurationMs,
          p99DurationMs: s.p99DurationMs,
        };
      })
      .sort((a, b) => this.serviceRank(a.service) - this.serviceRank(b.service) || a.function.localeCompare(b.function));

    const snapshot: HealthSnapshot = {
      at: now,
      pipelineNow,
      functions,
      latency: { acceptedToStored: this.acceptedToStored.summary(), exceedanceToRaised: this.exceedanceToRaised.summary() },
      dlq,
      busEventsPerSecond: rate(this.busEvents, previous?.busEvents),
      busEventsTotal: this.busEvents,
      busConnected,
    };
    this.previous = {
      at: now,
      busEvents: this.busEvents,
      functions: new Map(Object.entries(stats).map(([name, s]) => [name, { invocations: s.invocations, errors: s.errors }])),
    };
    return snapshot;
  }

  /** Pipeline order (ingest first), as the declarations list the services. */
  private serviceRank(service: string): number {
    const index = this.options.services.findIndex((s) => s.name === service);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  }
}
