import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { endToEndLatency } from './pulse-metrics';

/**
 * The one alarm no single service can own: readings take too long from ingest to storage. Three
 * 5-minute periods in a row, so a single slow batch (a cold start, a retry) does not page anyone.
 */
export function createLatencyAlarm(scope: Construct, envName: string, thresholdMs: number, topic: ITopic): Alarm {
  const alarm = new Alarm(scope, 'EndToEndLatencyP99', {
    alarmName: `pulse-${envName}-end-to-end-latency-p99`,
    alarmDescription: `p99 end-to-end latency (ingest accepted → persist stored) above ${thresholdMs} ms`,
    metric: endToEndLatency('p99', { period: Duration.minutes(5) }),
    threshold: thresholdMs,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 3,
    // No batches, no latency: an idle pipeline is not a slow one.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}
