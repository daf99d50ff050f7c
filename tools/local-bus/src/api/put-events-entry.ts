import type { Input } from './input';

/** A per-entry failure, answered in the entry's place (the call itself succeeds). */
export interface EntryFailure {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** A PutEvents entry that passed validation, with its Detail parsed. */
export interface ValidEntry {
  readonly source: string;
  readonly detailType: string;
  readonly detail: Record<string, unknown>;
  readonly resources: readonly string[];
  readonly time: Date | undefined;
  readonly eventBusName: string | undefined;
}

const invalid = (parameter: string, reason: string): EntryFailure => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
});

/** Checks one entry as EventBridge does, in its order: Source, DetailType, Detail, then Detail's shape. */
export function validateEntry(entry: Input): ValidEntry | EntryFailure {
  const { Source, DetailType, Detail } = entry;
  if (typeof Source !== 'string' || Source === '') return invalid('Source', 'Source is a required argument.');
  if (typeof DetailType !== 'string' || DetailType === '') return invalid('DetailType', 'DetailType is a required argument.');
  if (typeof Detail !== 'string' || Detail === '') return invalid('Detail', 'Detail is a required argument.');
  const detail = parseObject(Detail);
  if (detail === undefined) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  const resources = entry['Resources'];
  if (resources !== undefined && (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string'))) {
    return invalid('Resources', 'Resources must be a list of strings.');
  }
  const time = timeOf(entry['Time']);
  if (time === null) return invalid('Time', 'Time must be a timestamp.');
  const bus = entry['EventBusName'];
  return {
    source: Source,
    detailType: DetailType,
    detail,
    resources: (resources as string[] | undefined) ?? [],
    time,
    eventBusName: typeof bus === 'string' && bus !== '' ? bus : undefined,
  };
}

export const isFailure = (value: ValidEntry | EntryFailure): value is EntryFailure => 'ErrorCode' in value;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Time arrives as epoch seconds from the SDK and CLI; undefined = absent, null = unusable. */
function timeOf(value: unknown): Date | undefined | null {
  if (value === undefined || value === null) return undefined;
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? null : date;
}
