import { Annotations, Duration, SecretValue } from 'aws-cdk-lib';
import { ApiDestination, Authorization, Connection, HttpMethod, type IRuleTarget } from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { effectiveRetryPolicy, type SubscriptionDeclaration } from '@pulse/service-kit';
import type { AsyncInvokeConfigs } from './async-invoke';
import type { DeadLetterQueues } from './dead-letter-queues';
import { pascal } from './physical-names';
import type { ServiceFunction } from './service-functions';
import type { ServiceScope } from './service-scope';

/** Config variables naming an API destination's endpoint and its credentials secret. */
export function apiDestinationUrlVariable(destination: string): string {
  return `API_DESTINATION_${screamingSnake(destination)}_URL`;
}
export function apiDestinationSecretVariable(destination: string): string {
  return `API_DESTINATION_${screamingSnake(destination)}_SECRET`;
}

export interface TargetResources {
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly queues: DeadLetterQueues;
  readonly asyncInvoke: AsyncInvokeConfigs;
}

/**
 * The rule target for a subscription, with the declared retry policy and its dead-letter
 * queue; undefined when the environment does not configure the target (an API destination
 * without a URL), which is reported as a synth warning.
 */
export function subscriptionTarget(ctx: ServiceScope, sub: SubscriptionDeclaration, resources: TargetResources): IRuleTarget | undefined {
  const retry = effectiveRetryPolicy(sub.retryPolicy);
  const deadLetterQueue = resources.queues.get(sub.deadLetterQueue);
  const delivery = {
    deadLetterQueue,
    retryAttempts: retry.maximumRetryAttempts,
    maxEventAge: Duration.seconds(retry.maximumEventAgeSeconds),
  };
  const target = sub.target;
  switch (target.kind) {
    case 'function': {
      const fn = resources.functions.get(target.function);
      if (!fn) throw new Error(`Rule ${sub.rule} targets undeclared function ${target.function}`);
      // The rule's retry policy covers delivery to Lambda; Lambda's own asynchronous retries
      // cover the function failing. Both end in the same dead-letter queue.
      resources.asyncInvoke.configure(fn, {
        retryAttempts: retry.maximumRetryAttempts,
        maxEventAgeSeconds: retry.maximumEventAgeSeconds,
        onFailure: deadLetterQueue,
      });
      return new targets.LambdaFunction(fn.invocable, delivery);
    }
    case 'sns': {
      const topic = resources.topics.get(target.topic);
      if (!topic) throw new Error(`Rule ${sub.rule} targets undeclared topic ${target.topic}`);
      return new targets.SnsTopic(topic, delivery);
    }
    case 'sqs': {
      const queue = new Queue(ctx.scope, `Target${pascal(target.queue)}`, {
        queueName: ctx.names.queue(target.queue),
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: ctx.platform.key,
        enforceSSL: true,
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 5 },
      });
      return new targets.SqsQueue(queue, delivery);
    }
    case 'apiDestination': {
      const url = ctx.config.variables?.[apiDestinationUrlVariable(target.destination)];
      if (!url) {
        Annotations.of(ctx.scope).addWarningV2(
          `pulse:api-destination-unconfigured:${sub.rule}`,
          `Rule ${sub.rule} not created: set ${apiDestinationUrlVariable(target.destination)} in the ${ctx.config.envName} configuration`,
        );
        return undefined;
      }
      const secretName =
        ctx.config.variables?.[apiDestinationSecretVariable(target.destination)] ?? `pulse/${ctx.config.envName}/${target.destination}`;
      const id = pascal(target.destination);
      const connection = new Connection(ctx.scope, `${id}Connection`, {
        description: `${target.destination} (${ctx.config.envName})`,
        // The webhook's key lives in Secrets Manager, never in the template.
        authorization: Authorization.apiKey('x-api-key', SecretValue.secretsManager(secretName)),
      });
      const destination = new ApiDestination(ctx.scope, `${id}Destination`, {
        connection,
        endpoint: url,
        httpMethod: HttpMethod.POST,
        description: `${target.destination} (${ctx.config.envName})`,
      });
      return new targets.ApiDestination(destination, delivery);
    }
  }
}

function screamingSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
