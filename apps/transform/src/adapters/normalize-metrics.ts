import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { NormalizeOutcome } from '../domain/normalize-batch';

/**
 * readingsNormalized and duplicatesRemoved go into the invocation's metric set (flushed by
 * wrapHandler); qualityFlags is one metric per code with a `code` dimension, so a dashboard
 * can graph each code without knowing the list in advance.
 */
export function recordNormalizeMetrics(metrics: Metrics, outcome: NormalizeOutcome): void {
  metrics.addMetric('readingsNormalized', MetricUnit.Count, outcome.data.readings.length);
  metrics.addMetric('duplicatesRemoved', MetricUnit.Count, outcome.data.duplicatesRemoved);
  for (const [code, count] of Object.entries(outcome.flagCounts)) {
    const single = metrics.singleMetric();
    single.addDimension('code', code);
    single.addMetric('qualityFlags', MetricUnit.Count, count);
  }
}
