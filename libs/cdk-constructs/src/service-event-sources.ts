import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import type { Stream } from 'aws-cdk-lib/aws-kinesis';
import type { KinesisEventSource as KinesisDeclaration, S3EventSource as S3Declaration } from '@pulse/service-kit';
import type { AsyncInvokeConfigs } from './async-invoke';
import type { DeadLetterQueues } from './dead-letter-queues';
import type { ServiceFunction } from './service-functions';
import type { ServiceScope } from './service-scope';

export interface EventSourceResources {
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  readonly streams: ReadonlyMap<string, Stream>;
  readonly buckets: ReadonlyMap<string, Bucket>;
  readonly queues: DeadLetterQueues;
  readonly asyncInvoke: AsyncInvokeConfigs;
}

/** The declared non-bus triggers. Returns the Kinesis-fed functions (their iterator age is alarmed). */
export function createEventSources(ctx: ServiceScope, resources: EventSourceResources): ServiceFunction[] {
  const kinesisConsumers: ServiceFunction[] = [];
  for (const source of ctx.declaration.eventSources ?? []) {
    const fn = resources.functions.get(source.function);
    if (!fn) throw new Error(`Event source targets undeclared function ${source.function}`);
    if (source.kind === 'kinesis') {
      addKinesisSource(source, fn, resources);
      kinesisConsumers.push(fn);
    } else {
      addS3Source(source, fn, resources);
    }
  }
  return kinesisConsumers;
}

function addKinesisSource(source: KinesisDeclaration, fn: ServiceFunction, resources: EventSourceResources): void {
  const stream = resources.streams.get(source.stream);
  if (!stream) throw new Error(`Kinesis source of ${source.function} reads undeclared stream ${source.stream}`);
  fn.invocable.addEventSource(
    new KinesisEventSource(stream, {
      batchSize: source.batchSize,
      maxBatchingWindow: Duration.seconds(source.maximumBatchingWindowSeconds),
      startingPosition: source.startingPosition === 'LATEST' ? StartingPosition.LATEST : StartingPosition.TRIM_HORIZON,
      reportBatchItemFailures: source.reportBatchItemFailures,
      bisectBatchOnError: source.bisectBatchOnFunctionError,
      // -1 is "forever" in the declaration and Lambda's default when unset.
      retryAttempts: source.maximumRetryAttempts < 0 ? undefined : source.maximumRetryAttempts,
      maxRecordAge: source.maximumRecordAgeSeconds < 0 ? undefined : Duration.seconds(source.maximumRecordAgeSeconds),
      onFailure: new SqsDlq(resources.queues.get(source.onFailureQueue)),
    }),
  );
}

const S3_EVENT_TYPES: Readonly<Record<S3Declaration['events'][number], EventType>> = {
  's3:ObjectCreated:*': EventType.OBJECT_CREATED,
  's3:ObjectCreated:Put': EventType.OBJECT_CREATED_PUT,
  's3:ObjectCreated:Post': EventType.OBJECT_CREATED_POST,
  's3:ObjectCreated:CompleteMultipartUpload': EventType.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
};

/**
 * The function reads the objects under the watched prefix and writes its reports beside them
 * (outside the prefix, so a report never triggers it again). Object keys are chosen at run
 * time, hence object ARNs with a key wildcard; no bucket-level or delete permission.
 */
function grantDropAccess(fn: ServiceFunction, bucket: Bucket, prefix: string): void {
  const role = fn.fn.grantPrincipal;
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${prefix}*`)] }));
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('*')] }));
  if (bucket.encryptionKey) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [bucket.encryptionKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(bucket).region}.amazonaws.com` } },
      }),
    );
  }
}

function addS3Source(source: S3Declaration, fn: ServiceFunction, resources: EventSourceResources): void {
  const bucket = resources.buckets.get(source.bucket);
  if (!bucket) throw new Error(`S3 source of ${source.function} watches undeclared bucket ${source.bucket}`);
  const filter = { prefix: source.prefix, ...(source.suffix ? { suffix: source.suffix } : {}) };
  for (const event of source.events) {
    bucket.addEventNotification(S3_EVENT_TYPES[event], new LambdaDestination(fn.invocable), filter);
  }
  grantDropAccess(fn, bucket, source.prefix);
  // S3 invokes asynchronously: Lambda's retries, then the failure queue keeps the notification.
  resources.asyncInvoke.configure(fn, {
    retryAttempts: source.maximumRetryAttempts,
    maxEventAgeSeconds: 21_600,
    onFailure: resources.queues.get(source.onFailureQueue),
  });
}
