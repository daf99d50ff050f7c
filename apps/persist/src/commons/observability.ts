import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';

/** What handler cores log and count with: Powertools in Lambda, silent stubs in tests. */
export interface Observability {
  readonly logger: Pick<Logger, 'info' | 'warn'>;
  readonly metrics: Pick<Metrics, 'addMetric'>;
}
