import { InvalidEventPatternException } from '../errors';
import { MAX_WILDCARD_COMPLEXITY, wildcardComplexity } from '../operators/wildcard-complexity';
import type { WildcardPattern } from '../operators/wildcard';
import type { Condition, PatternNode } from './types';

const TOO_COMPLEX =
  'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

/** EventBridge judges wildcard complexity per event field, across every wildcard aimed at it. */
export function checkWildcardComplexity(root: PatternNode): void {
  const byPath = new Map<string, { path: readonly string[]; patterns: WildcardPattern[] }>();
  collect(root, byPath);
  for (const { path, patterns } of byPath.values()) {
    if (wildcardComplexity(patterns) > MAX_WILDCARD_COMPLEXITY) {
      throw new InvalidEventPatternException(TOO_COMPLEX, path);
    }
  }
}

function collect(node: PatternNode, out: Map<string, { path: readonly string[]; patterns: WildcardPattern[] }>): void {
  for (const field of node.fields) {
    if (field.type === 'nested') {
      collect(field.node, out);
      continue;
    }
    const patterns = field.conditions.flatMap(wildcardsOf);
    if (patterns.length === 0) continue;
    const key = field.path.join('.');
    const entry = out.get(key) ?? { path: field.path, patterns: [] };
    entry.patterns.push(...patterns);
    out.set(key, entry);
  }
  for (const alternatives of node.anyOf) alternatives.forEach((alt) => collect(alt, out));
}

function wildcardsOf(condition: Condition): readonly WildcardPattern[] {
  if (condition.kind === 'wildcard') return [condition.pattern];
  if (condition.kind === 'anything-but' && condition.exclude.kind === 'wildcard') return condition.exclude.patterns;
  return [];
}
