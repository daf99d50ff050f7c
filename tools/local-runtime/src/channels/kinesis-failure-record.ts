import type { _Record } from '@aws-sdk/client-kinesis';
import { arrivalMs } from './kinesis-event';

export type StreamFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/** How the last invocation of the batch ended, for `responseContext` and our local error fields. */
export interface LastResponse {
  readonly statusCode: number;
  /** 'Unhandled' when the function failed; absent when it answered with batchItemFailures. */
  readonly functionError?: string;
  readonly errorType: string;
  readonly errorMessage: string;
}

export interface StreamFailureInput {
  readonly requestId: string;
  readonly functionArn: string;
  readonly condition: StreamFailureCondition;
  readonly approximateInvokeCount: number;
  readonly response: LastResponse;
  readonly timestamp: number;
  readonly shardId: string;
  readonly streamArn: string;
  /** The records given up on, in shard order (at least one). */
  readonly records: readonly _Record[];
}

/**
 * The document Lambda sends to a stream source's SQS on-failure destination: metadata about the
 * discarded batch, not its data (the records stay readable in the stream by sequence number).
 * `errorType` / `errorMessage` are a local addition, so a developer sees why without the logs.
 */
export function streamFailureRecord(input: StreamFailureInput): Record<string, unknown> {
  const first = input.records[0];
  const last = input.records[input.records.length - 1];
  return {
    requestContext: {
      requestId: input.requestId,
      functionArn: input.functionArn,
      condition: input.condition,
      approximateInvokeCount: input.approximateInvokeCount,
    },
    responseContext: {
      statusCode: input.response.statusCode,
      executedVersion: '$LATEST',
      ...(input.response.functionError === undefined ? {} : { functionError: input.response.functionError }),
    },
    version: '1.0',
    timestamp: new Date(input.timestamp).toISOString(),
    KinesisBatchInfo: {
      shardId: input.shardId,
      startSequenceNumber: first.SequenceNumber,
      endSequenceNumber: last.SequenceNumber,
      approximateArrivalOfFirstRecord: new Date(arrivalMs(first)).toISOString(),
      approximateArrivalOfLastRecord: new Date(arrivalMs(last)).toISOString(),
      batchSize: input.records.length,
      streamArn: input.streamArn,
    },
    errorType: input.response.errorType,
    errorMessage: input.response.errorMessage,
  };
}
