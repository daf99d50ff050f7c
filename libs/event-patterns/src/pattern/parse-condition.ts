import type { JsonValue } from '../json/parse-json';
import { parseCidr } from '../operators/cidr';
import { type Fail, parseNumericRange } from '../operators/numeric';
import { parseWildcard } from '../operators/wildcard';
import { singleEntry } from './match-expression';
import { parseAnythingBut } from './parse-anything-but';
import type { Condition } from './types';

const MATCH_VALUE = 'Match value must be String, number, true, false, or null';

/** Parses one entry of a field's array: a plain value or a one-key match expression. */
export function parseCondition(entry: unknown, fail: Fail): Condition {
  if (entry === null || typeof entry === 'string' || typeof entry === 'boolean') {
    return { kind: 'equals', value: entry };
  }
  if (typeof entry === 'number') {
    if (!Number.isFinite(entry)) fail(MATCH_VALUE);
    return { kind: 'equals', value: entry };
  }
  if (typeof entry !== 'object' || Array.isArray(entry)) fail(MATCH_VALUE);
  const [operator, operand] = singleEntry(entry as Record<string, unknown>, fail);
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return parseAffix(operator, operand, fail);
    case 'equals-ignore-case':
      if (typeof operand !== 'string') fail('equals-ignore-case match pattern must be a string');
      return { kind: 'equals-ignore-case', value: operand as string };
    case 'wildcard':
      return { kind: 'wildcard', pattern: parseWildcard(operand, fail) };
    case 'anything-but':
      return { kind: 'anything-but', exclude: parseAnythingBut(operand, fail) };
    case 'numeric':
      return { kind: 'numeric', range: parseNumericRange(operand as JsonValue, fail) };
    case 'exists':
      if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.');
      return { kind: 'exists', value: operand as boolean };
    case 'cidr':
      return { kind: 'cidr', block: parseCidr(operand, fail) };
    default:
      return fail(`Unrecognized match type ${operator}`);
  }
}

/** prefix/suffix take a string, or `{ "equals-ignore-case": string }` to ignore case. */
function parseAffix(kind: 'prefix' | 'suffix', operand: unknown, fail: Fail): Condition {
  if (typeof operand === 'string') return { kind, value: operand, ignoreCase: false };
  if (typeof operand !== 'object' || operand === null || Array.isArray(operand)) {
    fail(`${kind} match pattern must be a string`);
  }
  const [inner, value] = singleEntry(operand as Record<string, unknown>, fail);
  if (inner !== 'equals-ignore-case') fail(`Unsupported ${kind} pattern: ${inner}`);
  if (typeof value !== 'string') fail('equals-ignore-case match pattern must be a string');
  return { kind, value: value as string, ignoreCase: true };
}
