import { comparableNumber } from '../operators/numeric';
import type { Condition } from '../pattern/types';
import { conditionPredicate, type Predicate } from './condition-predicate';
import { isScalar, scanLeaves, type Scalar } from './leaf-values';

/** Decides one pattern field from the raw event value found at it. */
export type LeafMatcher = (value: unknown) => boolean;

/**
 * Compiles a field's conditions into one function. Plain strings, the bulk of
 * real patterns (source, detail-type), become a Set lookup; the rest are tried in turn.
 */
export function compileLeaf(conditions: readonly Condition[]): LeafMatcher {
  const ifAbsent = conditions.some((c) => c.kind === 'exists' && !c.value);
  const ifPresent = conditions.some((c) => c.kind === 'exists' && c.value);
  const matchesValue = valueMatcher(conditions.filter((c) => c.kind !== 'exists'));
  const test = ifPresent ? () => true : matchesValue;
  return (value) => {
    if (isScalar(value)) return ifPresent || matchesValue(value);
    if (!Array.isArray(value)) return ifAbsent;
    const found = scanLeaves(value, test);
    return found === 'hit' || (found === 'absent' && ifAbsent);
  };
}

function valueMatcher(conditions: readonly Condition[]): Predicate {
  const strings = new Set<string>();
  const scaledNumbers = new Set<number>();
  const others: Predicate[] = [];
  for (const condition of conditions) {
    const scaled = condition.kind === 'equals' && typeof condition.value === 'number' ? comparableNumber(condition.value) : undefined;
    if (condition.kind === 'equals' && typeof condition.value === 'string') strings.add(condition.value);
    else if (scaled !== undefined) scaledNumbers.add(scaled);
    else others.push(conditionPredicate(condition));
  }
  const tryOthers = (value: Scalar): boolean => {
    for (const predicate of others) if (predicate(value)) return true;
    return false;
  };
  if (strings.size === 0 && scaledNumbers.size === 0) return tryOthers;
  return (value) => {
    if (typeof value === 'string' && strings.has(value)) return true;
    if (typeof value === 'number' && scaledNumbers.size > 0) {
      const scaled = comparableNumber(value);
      if (scaled !== undefined && scaledNumbers.has(scaled)) return true;
    }
    return tryOthers(value);
  };
}
