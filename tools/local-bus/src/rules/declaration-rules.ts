import { effectiveRetryPolicy, type ServiceDeclaration, type SubscriptionDeclaration } from '@pulse/service-kit';
import type { RuleSpec, TargetSpec } from '../model';
import { apiDestinationArn, functionArn, queueArn, ruleArn, topicArn, type ArnScope } from './arns';
import { snsStandInQueue } from './target-from-arn';

/**
 * The rules the services declare (the same declarations CDK deploys), on `busName`.
 * Each subscription is one rule with one target; the target Id is the target's name.
 */
export function declarationRules(services: readonly ServiceDeclaration[], busName: string, scope: ArnScope): RuleSpec[] {
  return services.flatMap((service) =>
    (service.subscriptions ?? []).map((subscription) => ({
      name: subscription.rule,
      busName,
      arn: ruleArn(scope, busName, subscription.rule),
      eventPattern: JSON.stringify(subscription.pattern),
      state: 'ENABLED' as const,
      ...(subscription.description === undefined ? {} : { description: subscription.description }),
      targets: [targetOf(subscription, scope)],
      managedBy: 'declaration' as const,
    })),
  );
}

function targetOf(subscription: SubscriptionDeclaration, scope: ArnScope): TargetSpec {
  const common = {
    retryPolicy: effectiveRetryPolicy(subscription.retryPolicy),
    deadLetterQueue: subscription.deadLetterQueue,
  };
  const target = subscription.target;
  switch (target.kind) {
    case 'function':
      return { id: target.function, arn: functionArn(scope, target.function), kind: 'function', name: target.function, ...common };
    case 'sqs':
      return { id: target.queue, arn: queueArn(scope, target.queue), kind: 'sqs', name: target.queue, ...common };
    case 'sns':
      // No SNS locally: the topic's messages land in a stand-in queue (see snsStandInQueue).
      return { id: target.topic, arn: topicArn(scope, target.topic), kind: 'sqs', name: snsStandInQueue(target.topic), ...common };
    case 'apiDestination':
      return {
        id: target.destination,
        arn: apiDestinationArn(scope, target.destination),
        kind: 'apiDestination',
        name: target.destination,
        ...common,
      };
  }
}
