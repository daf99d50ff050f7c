import { NUMERIC_LIMIT, describeRange } from '../operators/numeric';
import type { AnythingBut, Condition } from '../pattern/types';

/** How a condition reads in a sentence: prefix "us-", numeric > 0 and <= 5, exists: false. */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'equals':
      return show(condition.value);
    case 'prefix':
    case 'suffix':
      return `${condition.kind} ${show(condition.value)}${condition.ignoreCase ? ' (ignoring case)' : ''}`;
    case 'equals-ignore-case':
      return `equals-ignore-case ${show(condition.value)}`;
    case 'wildcard':
      return `wildcard ${show(condition.pattern.text)}`;
    case 'anything-but':
      return `anything-but ${describeExclusion(condition.exclude)}`;
    case 'numeric':
      return `numeric ${describeRange(condition.range)}`;
    case 'exists':
      return `exists: ${condition.value}`;
    case 'cidr':
      return `cidr ${condition.block.text}`;
  }
}

/** Why a present value failed one condition, phrased after "<path> is <value>, ". */
export function describeMiss(condition: Condition, value: unknown): string {
  const needs = typeMismatch(condition, value);
  if (needs) return needs;
  switch (condition.kind) {
    case 'equals':
      return `expected ${show(condition.value)}`;
    case 'prefix':
      return `which does not start with ${show(condition.value)}${condition.ignoreCase ? ' (ignoring case)' : ''}`;
    case 'suffix':
      return `which does not end with ${show(condition.value)}${condition.ignoreCase ? ' (ignoring case)' : ''}`;
    case 'equals-ignore-case':
      return `which does not equal ${show(condition.value)} ignoring case`;
    case 'wildcard':
      return `which does not match wildcard ${show(condition.pattern.text)}`;
    case 'anything-but':
      return condition.exclude.kind === 'values'
        ? 'which anything-but excludes'
        : `which anything-but excludes (${describeExclusion(condition.exclude)})`;
    case 'numeric':
      return `which is not ${describeRange(condition.range)}`;
    case 'exists':
      return `but exists: ${condition.value} requires it to be ${condition.value ? 'present' : 'absent'}`;
    case 'cidr':
      return `which is not an IP address in ${condition.block.text}`;
  }
}

/** Operators that only ever match one JSON type say so instead of comparing. */
function typeMismatch(condition: Condition, value: unknown): string | undefined {
  const scalar = Array.isArray(value) ? undefined : value;
  if (condition.kind === 'numeric') {
    if (typeof scalar !== 'number' && !Array.isArray(value)) return 'which is not a number; numeric only matches JSON numbers';
    if (typeof scalar === 'number' && Math.abs(scalar) > NUMERIC_LIMIT) {
      return 'which is outside the ±5.0e9 range numeric can compare';
    }
  }
  const stringOnly = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'cidr'];
  if (stringOnly.includes(condition.kind) && scalar !== undefined && typeof scalar !== 'string') {
    return `which is not a string; ${condition.kind} only matches strings`;
  }
  return undefined;
}

/** A value as JSON, the notation the pattern itself is written in. */
export function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

function describeExclusion(exclude: AnythingBut): string {
  switch (exclude.kind) {
    case 'values':
      return exclude.values.length === 1 ? show(exclude.values[0]) : show(exclude.values);
    case 'wildcard':
      return `wildcard ${show(exclude.patterns.map((p) => p.text))}`;
    default:
      return `${exclude.kind} ${show(exclude.values.length === 1 ? exclude.values[0] : exclude.values)}`;
  }
}
