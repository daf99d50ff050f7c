import type { JsonValue } from '../json/parse-json';

/** EventBridge only compares numbers within ±5.0e9 (user guide, numeric matching). */
export const NUMERIC_LIMIT = 5e9;
/** ...and only to six digits right of the decimal point. */
const SCALE = 1e6;

/** Rejects a pattern; the caller adds where in the pattern it happened. */
export type Fail = (reason: string) => never;

export type BoundOperator = '>' | '>=' | '<' | '<=';
export interface Bound {
  readonly operator: BoundOperator;
  readonly value: number;
  /** `value` scaled to an integer count of millionths, the unit EventBridge compares in. */
  readonly scaled: number;
}
export interface NumericRange {
  readonly equals?: { readonly value: number; readonly scaled: number };
  readonly lower?: Bound;
  readonly upper?: Bound;
}

/**
 * The form EventBridge compares numbers in: an integer count of millionths, or
 * undefined when the number is outside the range it can compare at all.
 */
export function comparableNumber(n: number): number | undefined {
  if (!Number.isFinite(n) || n < -NUMERIC_LIMIT || n > NUMERIC_LIMIT) return undefined;
  return Math.round(n * SCALE);
}

const OPERATORS = new Set(['<', '<=', '=', '>', '>=']);

/** Parses `[">", 0, "<=", 5]`; the first bound of a pair must be the lower one, as in AWS. */
export function parseNumericRange(operand: JsonValue, fail: Fail): NumericRange {
  if (!Array.isArray(operand)) fail('Value of numeric must be an array.');
  const terms = operand as JsonValue[];
  if (terms.length === 0) fail('Invalid member in numeric match: ]');
  const first = operatorAt(terms, 0, fail);
  const firstValue = valueAt(terms, 1, first, fail);
  if (first === '=') {
    if (terms.length > 2) fail('Too many elements in numeric expression');
    return { equals: { value: firstValue, scaled: scaledOrFail(firstValue, fail) } };
  }
  const bound: Bound = { operator: first, value: firstValue, scaled: scaledOrFail(firstValue, fail) };
  if (terms.length === 2) return first.startsWith('>') ? { lower: bound } : { upper: bound };
  if (!first.startsWith('>')) fail('Too many elements in numeric expression');
  const second = terms[2];
  if (typeof second !== 'string') fail(`Bad value in numeric range: ${JSON.stringify(second)}`);
  if (second !== '<' && second !== '<=') fail(`Bad numeric range operator: ${second as string}`);
  const top = valueAt(terms, 3, second as BoundOperator, fail);
  if (top <= firstValue) fail('Bottom must be less than top');
  if (terms.length > 4) fail('Too many terms in numeric range expression');
  return { lower: bound, upper: { operator: second as BoundOperator, value: top, scaled: scaledOrFail(top, fail) } };
}

export function matchesRange(range: NumericRange, n: number): boolean {
  const scaled = comparableNumber(n);
  if (scaled === undefined) return false;
  if (range.equals) return scaled === range.equals.scaled;
  return inBound(range.lower, scaled) && inBound(range.upper, scaled);
}

/** Reads as the pattern does: "> 0 and <= 5", "= 301.8". */
export function describeRange(range: NumericRange): string {
  if (range.equals) return `= ${range.equals.value}`;
  return [range.lower, range.upper]
    .filter((b): b is Bound => b !== undefined)
    .map((b) => `${b.operator} ${b.value}`)
    .join(' and ');
}

function inBound(bound: Bound | undefined, scaled: number): boolean {
  if (!bound) return true;
  switch (bound.operator) {
    case '>':
      return scaled > bound.scaled;
    case '>=':
      return scaled >= bound.scaled;
    case '<':
      return scaled < bound.scaled;
    case '<=':
      return scaled <= bound.scaled;
  }
}

function operatorAt(terms: JsonValue[], i: number, fail: Fail): BoundOperator | '=' {
  const term = terms[i];
  if (typeof term !== 'string') fail(`Invalid member in numeric match: ${JSON.stringify(term)}`);
  if (!OPERATORS.has(term as string)) fail(`Unrecognized numeric range operator: ${term as string}`);
  return term as BoundOperator | '=';
}

function valueAt(terms: JsonValue[], i: number, operator: string, fail: Fail): number {
  const term = terms[i];
  if (typeof term !== 'number') fail(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
  return term as number;
}

function scaledOrFail(n: number, fail: Fail): number {
  const scaled = comparableNumber(n);
  if (scaled === undefined) fail('Value must be between -5.0E9 and 5.0E9, inclusive');
  return scaled as number;
}
