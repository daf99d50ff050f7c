import type { InvokeResult } from '@pulse/function-runner';
import type { LastResponse } from './kinesis-failure-record';

export type BatchOutcome =
  | { readonly kind: 'success' }
  /** The function answered with batchItemFailures: everything before `firstFailed` (an index) succeeded. */
  | { readonly kind: 'partial'; readonly firstFailed: number; readonly response: LastResponse }
  /** The whole batch failed: the function errored (`functionError`) or reported an unusable failure list. */
  | { readonly kind: 'failed'; readonly functionError: boolean; readonly response: LastResponse }
  /** The function never ran (throttled, runner closing): retried without using up retry attempts, as Lambda does. */
  | { readonly kind: 'notInvoked'; readonly errorType: string; readonly errorMessage: string };

/** Failures Lambda's poller meets before the function runs; it retries those until the records expire. */
const NOT_INVOKED = new Set(['TooManyRequestsException', 'Runtime.Closed']);

/**
 * Reads a synchronous invocation's result the way Lambda's Kinesis poller does: with
 * ReportBatchItemFailures an empty or missing list is success, and an itemIdentifier that is
 * empty, missing or not a sequence number of the batch fails the whole batch.
 */
export function batchOutcome(result: InvokeResult, sequenceNumbers: readonly string[], reportBatchItemFailures: boolean): BatchOutcome {
  if (!result.ok) {
    if (NOT_INVOKED.has(result.errorType)) return { kind: 'notInvoked', errorType: result.errorType, errorMessage: result.errorMessage };
    return {
      kind: 'failed',
      functionError: true,
      response: { statusCode: 200, functionError: 'Unhandled', errorType: result.errorType, errorMessage: result.errorMessage },
    };
  }
  if (!reportBatchItemFailures || result.result === null || typeof result.result !== 'object') return { kind: 'success' };
  const failures = (result.result as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null || (Array.isArray(failures) && failures.length === 0)) return { kind: 'success' };
  if (!Array.isArray(failures)) return reportedFailure('batchItemFailures is not a list');
  let firstFailed = sequenceNumbers.length;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = typeof id === 'string' && id !== '' ? sequenceNumbers.indexOf(id) : -1;
    if (index < 0) return reportedFailure(`itemIdentifier ${JSON.stringify(id ?? null)} is not a sequence number of the batch`);
    firstFailed = Math.min(firstFailed, index);
  }
  return {
    kind: 'partial',
    firstFailed,
    response: {
      statusCode: 200,
      errorType: 'BatchItemFailures',
      errorMessage: `the function reported ${failures.length} failed record(s), the first ${sequenceNumbers[firstFailed]}`,
    },
  };
}

function reportedFailure(why: string): BatchOutcome {
  return {
    kind: 'failed',
    functionError: false,
    response: { statusCode: 200, errorType: 'InvalidBatchItemFailures', errorMessage: `the whole batch failed: ${why}` },
  };
}
