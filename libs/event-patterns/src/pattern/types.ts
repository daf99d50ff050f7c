import type { CidrBlock } from '../operators/cidr';
import type { NumericRange } from '../operators/numeric';
import type { WildcardPattern } from '../operators/wildcard';

/** A value an event field can be compared with for equality. */
export type ExactValue = string | number | boolean | null;

/** One entry of a field's array in a pattern; the field matches if any entry does. */
export type Condition =
  | { readonly kind: 'equals'; readonly value: ExactValue }
  | { readonly kind: 'prefix' | 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'equals-ignore-case'; readonly value: string }
  | { readonly kind: 'wildcard'; readonly pattern: WildcardPattern }
  | { readonly kind: 'anything-but'; readonly exclude: AnythingBut }
  | { readonly kind: 'numeric'; readonly range: NumericRange }
  | { readonly kind: 'exists'; readonly value: boolean }
  | { readonly kind: 'cidr'; readonly block: CidrBlock };

export type ConditionKind = Condition['kind'];

/** What an anything-but excludes: listed values, or strings matching a nested operator. */
export type AnythingBut =
  | { readonly kind: 'values'; readonly values: readonly ExactValue[] }
  | { readonly kind: 'prefix' | 'suffix' | 'equals-ignore-case'; readonly values: readonly string[] }
  | { readonly kind: 'wildcard'; readonly patterns: readonly WildcardPattern[] };

/** A pattern field whose value is an array of conditions. */
export interface LeafRule {
  readonly type: 'leaf';
  /** Event key at this level; dotted pattern keys are split into nested rules. */
  readonly key: string;
  /** Full event path from the root, for messages. */
  readonly path: readonly string[];
  readonly conditions: readonly Condition[];
  /** The pattern's own array, shown back to people as "expected". */
  readonly source: unknown;
}

/** A pattern field whose value is an object: the event field must hold a matching object. */
export interface NestedRule {
  readonly type: 'nested';
  readonly key: string;
  readonly path: readonly string[];
  readonly node: PatternNode;
}

export type FieldRule = LeafRule | NestedRule;

/** An object in a pattern: every field must match, and one alternative of every `$or`. */
export interface PatternNode {
  readonly fields: readonly FieldRule[];
  readonly anyOf: readonly (readonly PatternNode[])[];
}
