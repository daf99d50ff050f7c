import type { AnyEventContract } from '../contract-types';

/**
 * An EventBridge event pattern. `source` and `detail-type` always come from the contracts'
 * constants (never typed by hand), so producer, rule and infra cannot disagree on spelling.
 */
export interface EventPattern {
  readonly source?: readonly string[];
  readonly 'detail-type'?: readonly string[];
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/** Content filters added to a contract pattern; `source` and `detail-type` are the contracts'. */
export type PatternExtra = Omit<EventPattern, 'source' | 'detail-type'>;

/** The pattern matching every event of the given contract(s), plus optional content filters. */
export function patternFor(
  contracts: AnyEventContract | readonly AnyEventContract[],
  extra: PatternExtra = {},
): EventPattern {
  const list: readonly AnyEventContract[] = Array.isArray(contracts) ? contracts : [contracts as AnyEventContract];
  if (list.length === 0) throw new Error('patternFor needs at least one contract');
  if ('source' in extra || 'detail-type' in extra) {
    throw new Error('patternFor: source and detail-type come from the contracts, not from extra');
  }
  return {
    source: unique(list.map((c) => c.source)),
    'detail-type': unique(list.map((c) => c.detailType)),
    ...extra,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
