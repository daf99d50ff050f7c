import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE } from '@pulse/service-kit';

const PERIOD = Duration.minutes(5);

/** `label` only for graphs: a labelled metric makes an alarm a metric-math alarm, which it need not be. */
export function endToEndLatency(statistic: 'p50' | 'p99', options: { readonly period?: Duration; readonly label?: string } = {}): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: END_TO_END_LATENCY_METRIC,
    dimensionsMap: { service: 'persist' },
    statistic,
    period: options.period ?? PERIOD,
    ...(options.label ? { label: options.label } : {}),
  });
}

/** AWS/Events per bus, as a rate: CloudWatch gives sums per period, operators think in events/s. */
export function busEventsPerSecond(busName: string, metricName: 'Invocations' | 'MatchedEvents'): MathExpression {
  // One id per metric: two expressions in one graph may not both call theirs 'm'.
  const id = metricName === 'Invocations' ? 'invocations' : 'matched';
  return new MathExpression({
    expression: `${id} / PERIOD(${id})`,
    usingMetrics: { [id]: new Metric({ namespace: 'AWS/Events', metricName, dimensionsMap: { EventBusName: busName }, statistic: 'Sum', period: PERIOD }) },
    label: `${metricName}/s`,
    period: PERIOD,
  });
}

export function lambdaMetric(functionName: string, metricName: 'Invocations' | 'Errors' | 'Duration' | 'Throttles', statistic: string): Metric {
  return new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: functionName }, statistic, period: PERIOD });
}

export function dlqDepth(queueName: string): Metric {
  return new Metric({
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensionsMap: { QueueName: queueName },
    statistic: 'Maximum',
    period: Duration.minutes(1),
    label: queueName,
  });
}

export function streamIteratorAge(streamName: string): Metric {
  return new Metric({
    namespace: 'AWS/Kinesis',
    metricName: 'GetRecords.IteratorAgeMilliseconds',
    dimensionsMap: { StreamName: streamName },
    statistic: 'Maximum',
    period: Duration.minutes(1),
    label: streamName,
  });
}
