import { formatPath, type PathSegment } from './json-path';
import type { ValidationIssue } from './validation-result';

/**
 * Keys that, once copied or merged into another object, can rewrite Object.prototype.
 * JSON.parse keeps them as harmless own properties, but a later spread or deep merge
 * in a service would not, so they are rejected wherever they appear.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any Pulse schema; stops a cyclic object that did not come from JSON. */
const MAX_DEPTH = 64;

export function forbiddenKeyIssue(segments: readonly PathSegment[], key: string): ValidationIssue {
  return {
    path: formatPath([...segments, key]),
    rule: 'forbiddenKey',
    message: `key '${key}' is not allowed (it could pollute object prototypes)`,
  };
}

/** Every own enumerable forbidden key anywhere in a JSON-like value. */
export function findForbiddenKeys(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  visit(value, [], issues);
  return issues;
}

function visit(node: unknown, segments: PathSegment[], issues: ValidationIssue[]): void {
  if (typeof node !== 'object' || node === null || segments.length > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      segments.push(i);
      visit(node[i], segments, issues);
      segments.pop();
    }
    return;
  }
  for (const key of Object.keys(node)) {
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push(forbiddenKeyIssue(segments, key));
      continue;
    }
    segments.push(key);
    visit((node as Record<string, unknown>)[key], segments, issues);
    segments.pop();
  }
}
