import { InvalidEventPatternException } from '../errors';
import type { Fail } from '../operators/numeric';
import { checkWildcardComplexity } from './check-complexity';
import { parseCondition } from './parse-condition';
import type { FieldRule, PatternNode } from './types';

/**
 * Validates a pattern object and turns it into rules, rejecting exactly what
 * EventBridge rejects, with the pattern location of the first problem.
 */
export function parsePattern(pattern: unknown): PatternNode {
  if (!isPlainObject(pattern)) throw new InvalidEventPatternException('Filter is not an object');
  const root = parseNode(pattern, [], []);
  checkWildcardComplexity(root);
  return root;
}

function parseNode(object: Record<string, unknown>, path: string[], where: string[]): PatternNode {
  const entries = Object.entries(object);
  if (entries.length === 0) failAt(where)('Empty objects are not allowed');
  const fields: FieldRule[] = [];
  const anyOf: PatternNode[][] = [];
  for (const [key, value] of entries) {
    if (key === '$or' && isAlternatives(value)) {
      if (value.length === 0) failAt([...where, key])('Empty arrays are not allowed');
      anyOf.push(value.map((alt, i) => parseNode(alt, path, [...where, key, `[${i}]`])));
    } else {
      fields.push(parseField(key, value, path, [...where, key]));
    }
  }
  return { fields: mergeNested(fields), anyOf };
}

/** A dotted key "a.b" addresses the same event field as nesting "a": { "b": ... }. */
function parseField(key: string, value: unknown, parent: string[], where: string[]): FieldRule {
  const [head, ...rest] = key.split('.') as [string, ...string[]];
  const path = [...parent, head];
  if (rest.length > 0) {
    const inner = parseField(rest.join('.'), value, path, where);
    return { type: 'nested', key: head, path, node: { fields: [inner], anyOf: [] } };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) failAt(where)('Empty arrays are not allowed');
    const conditions = value.map((entry, i) => parseCondition(entry, failAt([...where, `[${i}]`])));
    return { type: 'leaf', key: head, path, conditions, source: value };
  }
  if (isPlainObject(value)) return { type: 'nested', key: head, path, node: parseNode(value, path, where) };
  return failAt(where)(`"${where[where.length - 1]}" must be an object or an array`);
}

/**
 * Rules reaching into the same event field share one node, so that every field
 * read through one event array is read from the same element of it.
 */
function mergeNested(fields: FieldRule[]): FieldRule[] {
  const out: FieldRule[] = [];
  const nestedAt = new Map<string, number>();
  for (const field of fields) {
    const at = field.type === 'nested' ? nestedAt.get(field.key) : undefined;
    const existing = at === undefined ? undefined : out[at];
    if (field.type !== 'nested' || existing?.type !== 'nested') {
      if (field.type === 'nested') nestedAt.set(field.key, out.length);
      out.push(field);
      continue;
    }
    const node: PatternNode = {
      fields: mergeNested([...existing.node.fields, ...field.node.fields]),
      anyOf: [...existing.node.anyOf, ...field.node.anyOf],
    };
    out[at as number] = { ...existing, node };
  }
  return out;
}

function isAlternatives(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every(isPlainObject);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failAt(where: readonly string[]): Fail {
  return (reason: string) => {
    throw new InvalidEventPatternException(reason, where);
  };
}
