import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Clock } from '../clock';
import { createDetail } from '@pulse/schemas';
import type { EventContract, ValidationIssue } from '../contract-types';
import type { IdGenerator } from '../id-generator';
import { entrySize, MAX_CALL_BYTES } from './entry-size';
import { EntryTooLargeError, EventValidationError } from './publish-errors';

/** What the publisher needs of a contract; any @pulse/schemas contract fits. */
export type PublishableContract<T> = Pick<EventContract<T>, 'name' | 'source' | 'detailType' | 'version' | 'validate'>;

export interface PublishOptions<T> {
  readonly correlationId: string;
  /** One id for every event, one per item, or (default) a fresh id per event. */
  readonly batchId?: string | ((data: T, index: number) => string);
  /** The batchId of the event being processed, when this publish continues a batch. */
  readonly causationId?: string;
  readonly resources?: readonly string[];
}

export interface PreparedEntry {
  readonly index: number;
  readonly entry: PutEventsRequestEntry;
  readonly size: number;
}

export interface EntryContext {
  readonly busName: string;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Stamp Time from the clock, so simulated time reaches the event envelope. */
  readonly setTime: boolean;
}

/** Builds, validates and sizes one entry per item; throws before anything is sent. */
export function buildEntries<T>(
  contract: PublishableContract<T>,
  items: readonly T[],
  options: PublishOptions<T>,
  context: EntryContext,
): PreparedEntry[] {
  const now = context.clock.now();
  const invalid: { index: number; errors: ValidationIssue[] }[] = [];
  const entries = items.map((data, index): PreparedEntry => {
    const detail = createDetail(contract, data, {
      batchId: batchIdFor(options.batchId, data, index, context.ids),
      correlationId: options.correlationId,
      producedAt: new Date(now).toISOString(),
      ...(options.causationId ? { causationId: options.causationId } : {}),
    });
    const result = contract.validate(detail);
    if (!result.ok) invalid.push({ index, errors: result.errors });
    const entry: PutEventsRequestEntry = {
      EventBusName: context.busName,
      Source: contract.source,
      DetailType: contract.detailType,
      Detail: JSON.stringify(detail),
      ...(context.setTime ? { Time: new Date(now) } : {}),
      ...(options.resources?.length ? { Resources: [...options.resources] } : {}),
    };
    return { index, entry, size: entrySize(entry) };
  });
  if (invalid.length > 0) throw new EventValidationError(contract.name, invalid);
  const tooLarge = entries.find((e) => e.size > MAX_CALL_BYTES);
  if (tooLarge) throw new EntryTooLargeError(contract.name, tooLarge.index, tooLarge.size, MAX_CALL_BYTES);
  return entries;
}

function batchIdFor<T>(batchId: PublishOptions<T>['batchId'], data: T, index: number, ids: IdGenerator): string {
  if (typeof batchId === 'string') return batchId;
  if (typeof batchId === 'function') return batchId(data, index);
  return ids.next();
}
