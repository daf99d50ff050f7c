import type { _Record } from '@aws-sdk/client-kinesis';
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';

/** What every record of one event source mapping shares. */
export interface KinesisEventContext {
  readonly shardId: string;
  readonly streamArn: string;
  readonly region: string;
  /** The mapping's execution role as Lambda reports it. */
  readonly invokeIdentityArn: string;
}

/** One GetRecords record as Lambda hands it to the function. */
export function lambdaKinesisRecord(record: _Record, context: KinesisEventContext): KinesisStreamRecord {
  const sequenceNumber = record.SequenceNumber ?? '';
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: record.PartitionKey ?? '',
      sequenceNumber,
      data: Buffer.from(record.Data ?? new Uint8Array()).toString('base64'),
      // Lambda gives seconds with a fraction, not the API's Date.
      approximateArrivalTimestamp: arrivalMs(record) / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${context.shardId}:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: context.invokeIdentityArn,
    awsRegion: context.region,
    eventSourceARN: context.streamArn,
  };
}

export function lambdaKinesisEvent(records: readonly _Record[], context: KinesisEventContext): KinesisStreamEvent {
  return { Records: records.map((record) => lambdaKinesisRecord(record, context)) };
}

export function arrivalMs(record: _Record): number {
  return record.ApproximateArrivalTimestamp?.getTime() ?? 0;
}
