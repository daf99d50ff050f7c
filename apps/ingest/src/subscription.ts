import { DeviceRegisteredV1, DeviceRetiredV1, ReadingsReceivedV1 } from '@pulse/schemas';
import type { EventSourceDeclaration, SubscriptionDeclaration } from '@pulse/service-kit';
import { INCOMING_PREFIX } from './domain/drop-key';

/** Ingest is the front door: it consumes no bus events, only HTTP, Kinesis and S3. */
export const subscriptions: readonly SubscriptionDeclaration<never>[] = [];

/** Every event ingest publishes (source pulse.ingest). */
export const emits = [ReadingsReceivedV1, DeviceRegisteredV1, DeviceRetiredV1] as const;

/** The non-bus triggers, read by CDK and the local runtime from the declaration. */
export const streams = [{ name: 'Readings' }] as const;
export const buckets = [{ name: 'Drops' }] as const;

export const eventSources = [
  {
    kind: 'kinesis',
    function: 'receive-kinesis-readings',
    /** Logical stream name; the deployer names it (pulse-<env>-readings). */
    stream: 'Readings',
    batchSize: 100,
    maximumBatchingWindowSeconds: 1,
    startingPosition: 'LATEST',
    /** Partial batch responses: one bad record never blocks the shard. */
    reportBatchItemFailures: true,
    bisectBatchOnFunctionError: true,
    maximumRetryAttempts: 10,
    maximumRecordAgeSeconds: 86_400,
    /** Records still failing after the retries go here (with their shard and sequence numbers). */
    onFailureQueue: 'ingest-kinesis-dlq',
  },
  {
    kind: 's3',
    function: 'receive-s3-readings',
    /** Logical bucket name; the deployer names it. */
    bucket: 'Drops',
    events: ['s3:ObjectCreated:*'],
    prefix: INCOMING_PREFIX,
    /** Lambda's asynchronous retries, then the failure destination keeps the notification. */
    maximumRetryAttempts: 2,
    onFailureQueue: 'ingest-s3-dlq',
  },
] as const satisfies readonly EventSourceDeclaration[];
