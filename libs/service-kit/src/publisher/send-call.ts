import { PutEventsCommand, type PutEventsCommandOutput } from '@aws-sdk/client-eventbridge';
import type { PreparedEntry } from './build-entries';
import { errorCodeOf, errorMessageOf, isRetryableCallError, isRetryableEntryCode } from './retryable';

/** The one SDK method the publisher uses; an EventBridgeClient fits, and so does a test fake. */
export interface PutEventsClient {
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
}

export type EntryOutcome =
  | { readonly entry: PreparedEntry; readonly eventId: string }
  | { readonly entry: PreparedEntry; readonly errorCode: string; readonly errorMessage: string; readonly retryable: boolean };

/** One PutEvents call; a call that throws fails each of its entries with the call's error. */
export async function sendCall(client: PutEventsClient, entries: readonly PreparedEntry[]): Promise<EntryOutcome[]> {
  let output: PutEventsCommandOutput;
  try {
    output = await client.send(new PutEventsCommand({ Entries: entries.map((e) => e.entry) }));
  } catch (error) {
    const failure = { errorCode: errorCodeOf(error), errorMessage: errorMessageOf(error), retryable: isRetryableCallError(error) };
    return entries.map((entry) => ({ entry, ...failure }));
  }
  // Result entries line up with request entries by position.
  return entries.map((entry, i): EntryOutcome => {
    const result = output.Entries?.[i];
    if (result?.EventId && !result.ErrorCode) return { entry, eventId: result.EventId };
    const errorCode = result?.ErrorCode ?? 'MissingResult';
    return {
      entry,
      errorCode,
      errorMessage: result?.ErrorMessage ?? 'no result returned for this entry',
      retryable: isRetryableEntryCode(errorCode),
    };
  });
}
