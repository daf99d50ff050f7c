import type { FieldRule, PatternNode } from '../pattern/types';
import { compileLeaf } from './compile-leaf';
import { isObject } from './leaf-values';

/** Decides a pattern object against the event value found where it applies. */
export type NodeMatcher = (value: unknown) => boolean;
type ObjectMatcher = (object: Record<string, unknown> | undefined) => boolean;

/**
 * An event array in place of an object matches when one element matches the whole
 * pattern object; choosing the element once per object is what keeps fields from
 * different elements from combining into a match.
 */
export function compileNode(node: PatternNode): NodeMatcher {
  const matchObject = compileObject(node);
  const match: NodeMatcher = (value) => {
    if (!Array.isArray(value)) return matchObject(isObject(value) ? value : undefined);
    if (value.length === 0) return matchObject(undefined);
    for (const element of value) if (match(element)) return true;
    return false;
  };
  return match;
}

function compileObject(node: PatternNode): ObjectMatcher {
  const fields = node.fields.map(compileField);
  const groups = node.anyOf.map((alternatives) => alternatives.map(compileObject));
  return (object) => {
    for (const field of fields) if (!field(object)) return false;
    for (const alternatives of groups) if (!alternatives.some((alt) => alt(object))) return false;
    return true;
  };
}

function compileField(field: FieldRule): ObjectMatcher {
  const read = fieldReader(field.key);
  if (field.type === 'nested') {
    const inner = compileNode(field.node);
    return (object) => inner(read(object));
  }
  const leaf = compileLeaf(field.conditions);
  return (object) => leaf(read(object));
}

/** Plain property reads are fast; keys Object.prototype also has need an own-property check. */
function fieldReader(key: string): (object: Record<string, unknown> | undefined) => unknown {
  if (!(key in Object.prototype)) return (object) => object?.[key];
  return (object) => (object !== undefined && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
}
