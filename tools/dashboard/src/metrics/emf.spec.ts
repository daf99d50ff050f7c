import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE } from '@pulse/service-kit';
import { parseEmf } from './emf';

/** What Powertools Metrics really prints on flush: a JSON line on stdout. */
function powertoolsLine(record: (metrics: Metrics) => void): string {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'persist' });
    record(metrics);
    metrics.publishStoredMetrics();
  } finally {
    spy.mockRestore();
  }
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('parseEmf', () => {
  it('reads every value of a Powertools document, arrays included, with namespace, unit and service', () => {
    // Prepare
    const line = powertoolsLine((metrics) => {
      metrics.addMetric(END_TO_END_LATENCY_METRIC, MetricUnit.Milliseconds, 120);
      metrics.addMetric(END_TO_END_LATENCY_METRIC, MetricUnit.Milliseconds, 80);
      metrics.addMetric('readingsStored', MetricUnit.Count, 3);
    });

    // Act
    const samples = parseEmf(line);

    // Assess
    expect(samples.map(({ name, value, unit, service, namespace }) => ({ name, value, unit, service, namespace }))).toEqual([
      { name: END_TO_END_LATENCY_METRIC, value: 120, unit: 'Milliseconds', service: 'persist', namespace: METRICS_NAMESPACE },
      { name: END_TO_END_LATENCY_METRIC, value: 80, unit: 'Milliseconds', service: 'persist', namespace: METRICS_NAMESPACE },
      { name: 'readingsStored', value: 3, unit: 'Count', service: 'persist', namespace: METRICS_NAMESPACE },
    ]);
    expect(typeof samples[0]!.timestamp).toBe('number');
  });

  it('accepts a prefix before the JSON, as a runtime may print', () => {
    const doc = { _aws: { Timestamp: 1, CloudWatchMetrics: [{ Namespace: 'Pulse', Dimensions: [['service']], Metrics: [{ Name: 'x', Unit: 'Count' }] }] }, service: 'alert', x: 2 };
    expect(parseEmf(`2024-05-01T12:00:00Z\tabc-123\tINFO\t${JSON.stringify(doc)}`).map((s) => s.value)).toEqual([2]);
  });

  it.each([
    ['a plain Powertools log line', JSON.stringify({ level: 'INFO', message: 'stored', service: 'persist' })],
    ['text that mentions _aws', 'the "_aws" key is missing here'],
    ['truncated JSON', '{"_aws":{"CloudWatchMetrics":[{"Namespace":"Pulse"'],
    ['a directive without metrics', JSON.stringify({ _aws: { CloudWatchMetrics: [{ Namespace: 'Pulse' }] } })],
    ['a non-numeric value', JSON.stringify({ _aws: { CloudWatchMetrics: [{ Namespace: 'Pulse', Metrics: [{ Name: 'x' }] }] }, x: 'fast' })],
  ])('yields nothing for %s', (_what, line) => {
    expect(parseEmf(line)).toEqual([]);
  });
});
