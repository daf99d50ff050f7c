import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import type { KinesisEventSource } from '@pulse/service-kit';
import type { KinesisStreamEvent } from 'aws-lambda';
import { localKinesisClient } from '../kinesis-client';
import { startLocalKinesis, type LocalKinesis } from '../local-kinesis';
import type { Invocation } from './channel-harness';

export const STREAM = 'pulse-test-readings';
export const DLQ = 'ingest-kinesis-dlq';

/** ingest's declaration with test-sized numbers (the real one: 100 records, 1 s window, 10 retries). */
export function kinesisSource(overrides: Partial<KinesisEventSource> = {}): KinesisEventSource {
  return {
    kind: 'kinesis',
    function: 'receive-kinesis-readings',
    stream: 'Readings',
    batchSize: 10,
    maximumBatchingWindowSeconds: 0,
    startingPosition: 'LATEST',
    reportBatchItemFailures: true,
    bisectBatchOnFunctionError: true,
    maximumRetryAttempts: 2,
    maximumRecordAgeSeconds: 86_400,
    onFailureQueue: DLQ,
    ...overrides,
  };
}

export interface KinesisHarness {
  readonly kinesis: LocalKinesis;
  readonly client: KinesisClient;
  /** Puts records whose data is each given string, in order, to one partition key (so one shard, in order). */
  put(...data: string[]): Promise<string[]>;
  close(): Promise<void>;
}

export async function startKinesisHarness(directory?: string): Promise<KinesisHarness> {
  const kinesis = await startLocalKinesis({ port: 0, streams: [STREAM], ...(directory ? { directory } : {}) });
  const client = localKinesisClient(kinesis.endpoint, 'us-east-1');
  return {
    kinesis,
    client,
    async put(...data) {
      const { Records = [] } = await client.send(
        new PutRecordsCommand({ StreamName: STREAM, Records: data.map((text) => ({ PartitionKey: 'fleet-1', Data: Buffer.from(text) })) }),
      );
      return Records.map((record) => record.SequenceNumber ?? '');
    },
    async close() {
      client.destroy();
      await kinesis.close();
    },
  };
}

/** The data of each record of an invocation's Kinesis event, decoded. */
export function dataOf(invocation: Invocation): string[] {
  return (invocation.event as KinesisStreamEvent).Records.map((record) => Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
}

export function sequencesOf(invocation: Invocation): string[] {
  return (invocation.event as KinesisStreamEvent).Records.map((record) => record.kinesis.sequenceNumber);
}

export function words(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}
