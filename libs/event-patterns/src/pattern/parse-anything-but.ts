import type { Fail } from '../operators/numeric';
import { parseWildcard } from '../operators/wildcard';
import { singleEntry } from './match-expression';
import type { AnythingBut, ExactValue } from './types';

const SHAPE = 'Value of anything-but must be an array or single string/number value.';

/**
 * anything-but takes a string, a number, a list of them, or one nested
 * prefix/suffix/equals-ignore-case/wildcard operator with a string or string list.
 */
export function parseAnythingBut(operand: unknown, fail: Fail): AnythingBut {
  if (typeof operand === 'string' || typeof operand === 'number') return { kind: 'values', values: [operand] };
  if (Array.isArray(operand)) {
    if (operand.length === 0) fail('Empty arrays are not allowed');
    for (const value of operand) {
      if (typeof value !== 'string' && typeof value !== 'number') {
        fail('Inside anything but list, start|null|boolean is not supported.');
      }
    }
    return { kind: 'values', values: operand as ExactValue[] };
  }
  if (typeof operand !== 'object' || operand === null) fail(SHAPE);
  const [operator, inner] = singleEntry(operand as Record<string, unknown>, fail);
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return { kind: operator, values: affixes(inner, fail) };
    case 'equals-ignore-case':
      return { kind: operator, values: ignoreCaseValues(inner, fail) };
    case 'wildcard':
      return { kind: 'wildcard', patterns: list(inner, fail).map((p) => parseWildcard(p, fail)) };
    default:
      return fail(`Unsupported anything-but pattern: ${operator}`);
  }
}

function list(inner: unknown, fail: Fail): unknown[] {
  if (!Array.isArray(inner)) return [inner];
  if (inner.length === 0) fail('Empty arrays are not allowed');
  return inner;
}

function affixes(inner: unknown, fail: Fail): string[] {
  if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) fail(SHAPE);
  return list(inner, fail).map((value) => {
    if (typeof value !== 'string') fail('prefix/suffix match pattern must be a string');
    if (value === '') fail('Null prefix/suffix not allowed');
    return value as string;
  });
}

function ignoreCaseValues(inner: unknown, fail: Fail): string[] {
  return list(inner, fail).map((value) => {
    if (typeof value !== 'string') {
      fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
    }
    return value as string;
  });
}
