import type { FunctionStats } from '@pulse/function-runner';
import { FIVE_SERVICES } from '@pulse/local-bus';
import type { EmfSample } from './emf';
import { HealthAggregator } from './health-aggregator';
import { ALERT_RAISE_LATENCY_METRIC, END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE } from './metric-names';

const stats = (invocations: number, errors: number, p50 = 4, p99 = 40): FunctionStats => ({
  invocations,
  errors,
  timeouts: 0,
  coldStarts: 1,
  injectedFaults: 0,
  p50DurationMs: p50,
  p99DurationMs: p99,
  queueDepth: 0,
  busyWorkers: 0,
  workers: 1,
});

const sample = (name: string, value: number, namespace = METRICS_NAMESPACE): EmfSample => ({ namespace, name, value, unit: 'Milliseconds', service: 'persist', timestamp: 0 });

describe('HealthAggregator', () => {
  it('reports per-function rates since the previous snapshot, under the declaring service, in pipeline order', () => {
    // Prepare
    let current: Record<string, FunctionStats> = { 'store-readings': stats(10, 0), 'normalize-readings': stats(20, 1) };
    const health = new HealthAggregator({ services: FIVE_SERVICES, functionStats: () => current });

    // Act
    const first = health.snapshot(1_000, [], true);
    current = { 'store-readings': stats(30, 2, 5, 50), 'normalize-readings': stats(25, 1), 'evaluate-readings': stats(4, 0) };
    const second = health.snapshot(3_000, [], true);

    // Assess
    expect(first.functions.map((f) => f.invocationsPerSecond)).toEqual([0, 0]);
    expect(second.functions.map(({ service, function: fn, invocationsPerSecond, errorsPerSecond }) => ({ service, fn, invocationsPerSecond, errorsPerSecond }))).toEqual([
      { service: 'transform', fn: 'normalize-readings', invocationsPerSecond: 2.5, errorsPerSecond: 0 },
      { service: 'persist', fn: 'store-readings', invocationsPerSecond: 10, errorsPerSecond: 1 },
      // First seen in this interval: counted from zero.
      { service: 'alert', fn: 'evaluate-readings', invocationsPerSecond: 2, errorsPerSecond: 0 },
    ]);
    expect(second.functions[1]).toMatchObject({ invocations: 30, errors: 2, p50DurationMs: 5, p99DurationMs: 50 });
  });

  it('counts bus events per second and in total', () => {
    const health = new HealthAggregator({ services: FIVE_SERVICES });
    health.snapshot(0, [], true);
    for (let i = 0; i < 6; i += 1) health.recordBusEvent();

    const snapshot = health.snapshot(2_000, [], false);

    expect(snapshot).toMatchObject({ busEventsPerSecond: 3, busEventsTotal: 6, busConnected: false, functions: [] });
  });

  it('summarises the EMF latencies of Pulse namespace only, over the most recent samples', () => {
    // Prepare
    const health = new HealthAggregator({ services: FIVE_SERVICES, latencySamples: 100 });
    for (let ms = 1; ms <= 150; ms += 1) health.recordMetric(sample(END_TO_END_LATENCY_METRIC, ms));
    health.recordMetric(sample(END_TO_END_LATENCY_METRIC, 99_999, 'SomeoneElse'));
    health.recordMetric(sample('readingsStored', 7));

    // Act
    const snapshot = health.snapshot(0, [], true);

    // Assess: the window holds 51..150
    expect(snapshot.latency.acceptedToStored).toEqual({ count: 100, p50Ms: 100, p99Ms: 149 });
    expect(snapshot.latency.exceedanceToRaised).toBeNull();
    health.recordMetric(sample(ALERT_RAISE_LATENCY_METRIC, 320));
    expect(health.snapshot(1, [], true).latency.exceedanceToRaised).toEqual({ count: 1, p50Ms: 320, p99Ms: 320 });
  });

  it('passes the DLQ depths and the pipeline clock through (wall time when there is none)', () => {
    const health = new HealthAggregator({ services: FIVE_SERVICES });
    const dlq = [{ queue: 'transform-dlq', feeds: ['transform-readings-received → normalize-readings'], depth: 3, inFlight: 0 }];
    expect(health.snapshot(1_000, dlq, true, 3_600_000)).toMatchObject({ at: 1_000, pipelineNow: 3_600_000, dlq });
    expect(health.snapshot(2_000, [], true)).toMatchObject({ at: 2_000, pipelineNow: 2_000 });
  });
});
