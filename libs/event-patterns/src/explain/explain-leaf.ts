import { conditionPredicate } from '../match/condition-predicate';
import { isObject, leafValues } from '../match/leaf-values';
import type { Condition, LeafRule } from '../pattern/types';
import { describeCondition, describeMiss, show } from './describe';
import type { MatchReason } from './types';

/** The verdict on one leaf field: the first condition that holds, or why none does. */
export function explainLeaf(field: LeafRule, value: unknown, path: string, alternative?: string): MatchReason {
  const leaves = leafValues(value);
  const present = leaves.length > 0;
  const base = { path, actual: value, ...(alternative ? { alternative } : {}) };
  const subject = `${path} ${describeActual(value)}`;
  for (const [i, condition] of field.conditions.entries()) {
    const holds = condition.kind === 'exists' ? present === condition.value : leaves.some(conditionPredicate(condition));
    if (holds) {
      const message = `${subject}, which matches ${describeCondition(condition)}`;
      return { ...base, operator: condition.kind, expected: operandOf(field, i), matched: true, message };
    }
  }
  const { conditions } = field;
  if (conditions.every((c) => c.kind === 'equals')) {
    const values = conditions.map((c) => (c as Extract<Condition, { kind: 'equals' }>).value);
    const message =
      values.length === 1
        ? `${subject}, expected ${show(values[0])}`
        : `${subject}, which is not one of ${values.map(show).join(', ')}`;
    return { ...base, operator: 'equals', expected: values.length === 1 ? values[0] : values, matched: false, message };
  }
  if (conditions.length === 1) {
    const only = conditions[0] as Condition;
    const why = present || only.kind === 'exists' ? describeMiss(only, value) : `but ${describeCondition(only)} needs a value`;
    return { ...base, operator: only.kind, expected: operandOf(field, 0), matched: false, message: `${subject}, ${why}` };
  }
  const message = `${subject}, which matches none of ${conditions.map(describeCondition).join(', ')}`;
  return { ...base, operator: 'any-of', expected: field.source, matched: false, message };
}

function describeActual(value: unknown): string {
  if (value === undefined) return 'is missing';
  if (isObject(value)) return 'is an object, not a value';
  return `is ${show(value)}`;
}

/** The pattern's own words for condition i: "Good" for {"anything-but": "Good"}. */
function operandOf(field: LeafRule, i: number): unknown {
  const entry = Array.isArray(field.source) ? field.source[i] : undefined;
  return isObject(entry) ? Object.values(entry)[0] : entry;
}
