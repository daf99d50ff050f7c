import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { IngestChannel } from '../domain/readings-events';

/** The metrics the issue asks for: accepted, rejected by rule, publish retries (+ malformed records). */
export interface IngestMetrics {
  accepted(channel: IngestChannel, count: number): void;
  rejected(rejectedByRule: Readonly<Record<string, number>>): void;
  publishRetries(count: number): void;
  malformed(channel: IngestChannel, count: number): void;
  /** A request the shared rate limiter could not decide (its table failed): admitted on the container's bucket. */
  rateLimiterUnavailable(): void;
}

export function powertoolsMetrics(metrics: Metrics): IngestMetrics {
  // A dimension per value needs its own EMF document: singleMetric() flushes each at once.
  const dimensioned = (name: string, dimension: string, value: string, count: number) => {
    if (count <= 0) return;
    const single = metrics.singleMetric();
    single.addDimension(dimension, value);
    single.addMetric(name, MetricUnit.Count, count);
  };
  return {
    accepted: (channel, count) => dimensioned('readingsAccepted', 'channel', channel, count),
    rejected: (byRule) => {
      for (const [rule, count] of Object.entries(byRule)) dimensioned('readingsRejected', 'rule', rule, count);
    },
    publishRetries: (count) => {
      if (count > 0) metrics.addMetric('publishRetries', MetricUnit.Count, count);
    },
    malformed: (channel, count) => dimensioned('malformedRecords', 'channel', channel, count),
    rateLimiterUnavailable: () => metrics.addMetric('rateLimiterUnavailable', MetricUnit.Count, 1),
  };
}
