import { randomUUID } from 'node:crypto';
import { MAX_PUT_EVENTS_ENTRY_BYTES, putEventsEntrySize } from '@pulse/schemas';
import type { BusEvent, Delivery } from '../model';
import { internalError, validationError } from './aws-error';
import { busName, type BusContext, type Caller } from './bus-context';
import { allowedSourceOf } from './identity';
import { asInput, optionalArray, type Input } from './input';
import { isFailure, validateEntry, type EntryFailure, type ValidEntry } from './put-events-entry';

const MAX_ENTRIES = 10;

type EntryResult = { readonly EventId: string } | EntryFailure;

/**
 * PutEvents: validates as EventBridge does, then makes every accepted event durable (archive
 * and dispatcher journal) BEFORE answering; targets run later, in the dispatcher.
 */
export async function putEvents(input: Input, ctx: BusContext, caller: Caller) {
  const entries = (optionalArray(input, 'Entries') ?? []).map((e, i) => asInput(e, `Entries[${i}]`));
  checkCallLimits(entries);
  const allowedSource = allowedSourceOf(ctx.identities, caller.accessKeyId);
  const accepted: { readonly event: BusEvent; readonly bus: string }[] = [];
  const deliveries: Delivery[] = [];
  const results: EntryResult[] = entries.map((entry) => {
    const valid = validateEntry(entry);
    if (isFailure(valid)) return valid;
    const refusal = refuseEntry(valid, ctx, allowedSource, caller);
    if (refusal) return refusal;
    const event = toBusEvent(valid, ctx);
    const bus = busName(valid.eventBusName);
    accepted.push({ event, bus });
    deliveries.push(...ctx.rules.deliveriesFor(bus, event));
    return { EventId: event.id };
  });
  if (accepted.length > 0) {
    try {
      await ctx.archive.append(accepted.map((a) => a.event));
      await ctx.dispatcher.enqueue(deliveries);
    } catch (error) {
      // Nothing was acknowledged, so the caller retries the whole call (duplicates are at-least-once).
      throw internalError(`Events could not be stored: ${(error as Error).message}`);
    }
    for (const { event, bus } of accepted) ctx.archives.record(bus, [event]);
    ctx.onAccepted?.(accepted.map((a) => a.event));
  }
  return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
}

function checkCallLimits(entries: readonly Input[]): void {
  if (entries.length < 1 || entries.length > MAX_ENTRIES) {
    const bound = entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`;
    throw validationError(`1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${bound}`);
  }
  const total = entries.reduce((sum, entry) => sum + putEventsEntrySize(sizable(entry)), 0);
  if (total > MAX_PUT_EVENTS_ENTRY_BYTES) {
    throw validationError('Total size of the entries in the request is over the limit.');
  }
}

/** Only string fields count; a malformed entry is sized by what it has and rejected later. */
function sizable(entry: Input) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const resources = Array.isArray(entry['Resources']) ? entry['Resources'].map(text) : undefined;
  return {
    Source: text(entry['Source']),
    DetailType: text(entry['DetailType']),
    Detail: text(entry['Detail']),
    ...(resources ? { Resources: resources } : {}),
    ...(entry['Time'] === undefined ? {} : { Time: 0 }),
  };
}

function refuseEntry(entry: ValidEntry, ctx: BusContext, allowedSource: string | undefined, caller: Caller): EntryFailure | undefined {
  const bus = busName(entry.eventBusName);
  if (!ctx.buses.has(bus)) return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
  // AWS keeps the aws.* namespace for its own services, whoever calls.
  if (entry.source.startsWith('aws.')) {
    return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  }
  if (allowedSource !== undefined && entry.source !== allowedSource) {
    return {
      ErrorCode: 'AccessDeniedException',
      ErrorMessage: `Not authorized for the source. ${caller.accessKeyId} may publish only source ${allowedSource}, not ${entry.source}.`,
    };
  }
  return undefined;
}

function toBusEvent(entry: ValidEntry, ctx: BusContext): BusEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.detailType,
    source: entry.source,
    account: ctx.scope.accountId,
    time: isoSeconds(entry.time ?? ctx.now()),
    region: ctx.scope.region,
    resources: entry.resources,
    detail: entry.detail,
  };
}

/** EventBridge writes event times to the second: 2024-01-01T00:00:00Z. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
