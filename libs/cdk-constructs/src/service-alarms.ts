import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { pascal } from './physical-names';
import type { ServiceFunction } from './service-functions';
import type { ServiceScope } from './service-scope';

export interface AlarmSources {
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  readonly queues: ReadonlyMap<string, Queue>;
  readonly kinesisConsumers: readonly ServiceFunction[];
}

/**
 * Per function: error rate and p99 duration; per dead-letter queue: any message at all (every
 * message there is an acknowledged reading or alert not processed); per Kinesis consumer:
 * iterator age (the stream backing up). All to the platform's alarms topic.
 */
export function createAlarms(ctx: ServiceScope, sources: AlarmSources): Alarm[] {
  const thresholds = ctx.config.alarms;
  const prefix = `pulse-${ctx.config.envName}-${ctx.declaration.name}`;
  const alarms: Alarm[] = [];
  const add = (alarm: Alarm) => {
    alarm.addAlarmAction(new SnsAction(ctx.platform.alarmsTopic));
    alarms.push(alarm);
  };

  for (const { declaration, fn } of sources.functions.values()) {
    const id = pascal(declaration.name);
    add(
      new Alarm(ctx.scope, `${id}ErrorRate`, {
        alarmName: `${prefix}-${declaration.name}-error-rate`,
        alarmDescription: `${declaration.name}: more than ${thresholds.errorRatePercent}% of invocations failed`,
        metric: new MathExpression({
          expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          usingMetrics: {
            errors: fn.metricErrors({ statistic: 'Sum' }),
            invocations: fn.metricInvocations({ statistic: 'Sum' }),
          },
          period: Duration.minutes(5),
        }),
        threshold: thresholds.errorRatePercent,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    add(
      new Alarm(ctx.scope, `${id}P99Duration`, {
        alarmName: `${prefix}-${declaration.name}-p99-duration`,
        alarmDescription: `${declaration.name}: p99 duration above ${thresholds.p99DurationMs} ms`,
        metric: fn.metricDuration({ statistic: 'p99', period: Duration.minutes(5) }),
        threshold: thresholds.p99DurationMs,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  for (const [name, queue] of sources.queues) {
    add(
      new Alarm(ctx.scope, `${pascal(name)}NotEmpty`, {
        alarmName: `${prefix}-${name}-not-empty`,
        alarmDescription: `${name} holds messages: inspect and replay them`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(1) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  for (const { declaration, fn } of sources.kinesisConsumers) {
    add(
      new Alarm(ctx.scope, `${pascal(declaration.name)}IteratorAge`, {
        alarmName: `${prefix}-${declaration.name}-iterator-age`,
        alarmDescription: `${declaration.name}: Kinesis records wait longer than ${thresholds.iteratorAgeMs} ms`,
        metric: fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
        threshold: thresholds.iteratorAgeMs,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 5,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
  return alarms;
}
