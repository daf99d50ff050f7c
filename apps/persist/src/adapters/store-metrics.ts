import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { END_TO_END_LATENCY_METRIC } from '@pulse/service-kit';
import type { Observability } from '../commons/observability';
import { endToEndLatencyMs } from '../domain/end-to-end-latency';
import type { StoreOutcome } from '../domain/store-batch';


/** What a stored (and announced) batch counts: readings, retried writes, end-to-end latency. */
export function recordStoreMetrics(metrics: Observability['metrics'], outcome: StoreOutcome): void {
  metrics.addMetric('readingsStored', MetricUnit.Count, outcome.stored.count);
  metrics.addMetric('unprocessedItemsRetried', MetricUnit.Count, outcome.writes.retried);
  metrics.addMetric(END_TO_END_LATENCY_METRIC, MetricUnit.Milliseconds, endToEndLatencyMs(outcome.stored));
}
