import { matchesCidr } from '../operators/cidr';
import { comparableNumber, matchesRange } from '../operators/numeric';
import { matchesWildcard } from '../operators/wildcard';
import type { AnythingBut, Condition, ExactValue } from '../pattern/types';
import type { Scalar } from './leaf-values';

export type Predicate = (value: Scalar) => boolean;

/**
 * Whether one present scalar satisfies one condition. `exists` is decided by the
 * field's presence, not by a value, so callers handle it before asking here.
 */
export function conditionPredicate(condition: Condition): Predicate {
  switch (condition.kind) {
    case 'equals': {
      const expected = condition.value;
      return (value) => sameValue(expected, value);
    }
    case 'prefix':
    case 'suffix':
      return affixPredicate(condition.kind, [condition.value], condition.ignoreCase);
    case 'equals-ignore-case': {
      const expected = condition.value.toLowerCase();
      return (value) => typeof value === 'string' && value.toLowerCase() === expected;
    }
    case 'wildcard': {
      const pattern = condition.pattern;
      return (value) => typeof value === 'string' && matchesWildcard(pattern, value);
    }
    case 'anything-but': {
      const excluded = exclusionPredicate(condition.exclude);
      return (value) => !excluded(value);
    }
    case 'numeric': {
      const range = condition.range;
      return (value) => typeof value === 'number' && matchesRange(range, value);
    }
    case 'cidr': {
      const block = condition.block;
      return (value) => typeof value === 'string' && matchesCidr(block, value);
    }
    case 'exists':
      return () => condition.value;
  }
}

/**
 * Pattern and event numbers are equal when EventBridge's comparable forms are
 * (so 300 equals 300.0); numbers it cannot compare fall back to exact equality.
 */
export function sameValue(expected: ExactValue, value: Scalar): boolean {
  if (typeof expected === 'number' && typeof value === 'number') {
    const a = comparableNumber(expected);
    const b = comparableNumber(value);
    return a !== undefined && b !== undefined ? a === b : expected === value;
  }
  return expected === value;
}

/** Values an anything-but excludes; its nested operators only ever exclude strings. */
function exclusionPredicate(exclude: AnythingBut): Predicate {
  switch (exclude.kind) {
    case 'values':
      return (value) => exclude.values.some((x) => sameValue(x, value));
    case 'prefix':
    case 'suffix':
      return affixPredicate(exclude.kind, exclude.values, false);
    case 'equals-ignore-case': {
      const lowered = new Set(exclude.values.map((v) => v.toLowerCase()));
      return (value) => typeof value === 'string' && lowered.has(value.toLowerCase());
    }
    case 'wildcard':
      return (value) => typeof value === 'string' && exclude.patterns.some((p) => matchesWildcard(p, value));
  }
}

function affixPredicate(kind: 'prefix' | 'suffix', affixes: readonly string[], ignoreCase: boolean): Predicate {
  const wanted = ignoreCase ? affixes.map((a) => a.toLowerCase()) : affixes;
  const test = kind === 'prefix' ? (s: string, a: string) => s.startsWith(a) : (s: string, a: string) => s.endsWith(a);
  return (value) => {
    if (typeof value !== 'string') return false;
    const subject = ignoreCase ? value.toLowerCase() : value;
    return wanted.some((a) => test(subject, a));
  };
}
