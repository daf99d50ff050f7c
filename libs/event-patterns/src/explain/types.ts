import type { ConditionKind } from '../pattern/types';

/** The operator that decided a field; 'any-of' when several alternatives all failed. */
export type ReasonOperator = ConditionKind | 'any-of';

/** One pattern field's verdict, in terms a person reading a CLI or dashboard can act on. */
export interface MatchReason {
  /** Event path, with array elements as [i]: "detail.items[1].state". */
  readonly path: string;
  readonly operator: ReasonOperator;
  /** What the pattern asked for: the operator's operand, or the field's whole array. */
  readonly expected: unknown;
  /** The event's value at `path`; undefined when the field is missing. */
  readonly actual: unknown;
  readonly matched: boolean;
  readonly message: string;
  /** Set when the field sits inside an `$or` alternative, e.g. "detail.$or[1]". */
  readonly alternative?: string;
}

/**
 * Whether the event matched. On a match, `reasons` shows the condition that
 * satisfied each field; otherwise only the fields that failed.
 */
export interface MatchExplanation {
  readonly matched: boolean;
  readonly reasons: readonly MatchReason[];
}
