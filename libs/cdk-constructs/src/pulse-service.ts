import { Construct } from 'constructs';
import type { ServiceDeclaration } from '@pulse/service-kit';
import type { HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Rule } from 'aws-cdk-lib/aws-events';
import type { Stream } from 'aws-cdk-lib/aws-kinesis';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { AsyncInvokeConfigs } from './async-invoke';
import { DeadLetterQueues } from './dead-letter-queues';
import { suppressServiceFindings } from './nag-suppressions';
import { PhysicalNames } from './physical-names';
import type { PulseServiceProps } from './pulse-service-props';
import { createAlarms } from './service-alarms';
import { createBuckets } from './service-buckets';
import { createEventSources } from './service-event-sources';
import { createFunctions, type ServiceFunction } from './service-functions';
import { createRoutes } from './service-routes';
import type { ServiceScope } from './service-scope';
import { createStreams } from './service-streams';
import { createSubscriptions } from './service-subscriptions';
import { createTables, type ServiceTable } from './service-tables';
import { createTopics } from './service-topics';

/**
 * A Pulse service on AWS, built from its declaration alone: what the local runtime runs is
 * what deploys. Depends on the platform's references and nothing from another service.
 */
export class PulseService extends Construct {
  readonly declaration: ServiceDeclaration;
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  readonly tables: ReadonlyMap<string, ServiceTable>;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly streams: ReadonlyMap<string, Stream>;
  readonly buckets: ReadonlyMap<string, Bucket>;
  /** Dead-letter and failure queues by declared name. */
  readonly queues: ReadonlyMap<string, Queue>;
  readonly rules: ReadonlyMap<string, Rule>;
  readonly routes: readonly HttpRoute[];
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: PulseServiceProps) {
    super(scope, id);
    this.declaration = props.declaration;
    const ctx: ServiceScope = {
      scope: this,
      declaration: props.declaration,
      platform: props.platform,
      config: props.config,
      names: new PhysicalNames(props.config.envName, props.declaration.name),
    };
    const queues = new DeadLetterQueues(this, ctx.names, props.platform.key);
    const asyncInvoke = new AsyncInvokeConfigs();

    this.tables = createTables(ctx);
    this.topics = createTopics(ctx);
    this.streams = createStreams(ctx);
    this.buckets = createBuckets(ctx);
    this.functions = createFunctions(ctx, { code: props.code, tables: this.tables, topics: this.topics });
    this.rules = createSubscriptions(ctx, { functions: this.functions, topics: this.topics, queues, asyncInvoke });
    const kinesisConsumers = createEventSources(ctx, {
      functions: this.functions,
      streams: this.streams,
      buckets: this.buckets,
      queues,
      asyncInvoke,
    });
    this.routes = createRoutes(ctx, this.functions);
    this.queues = queues.all();
    this.alarms = createAlarms(ctx, { functions: this.functions, queues: this.queues, kinesisConsumers });
    suppressServiceFindings(this);
  }
}
