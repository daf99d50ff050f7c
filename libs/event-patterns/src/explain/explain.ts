import { isObject, ownField } from '../match/leaf-values';
import type { FieldRule, PatternNode } from '../pattern/types';
import { explainLeaf } from './explain-leaf';
import type { MatchExplanation, MatchReason } from './types';

interface Verdict {
  readonly matched: boolean;
  readonly reasons: MatchReason[];
}

/**
 * Walks the same rules the compiled matcher runs, keeping the evidence: the
 * satisfying condition of every field on a match, the failing fields otherwise.
 */
export function explainNode(root: PatternNode, event: unknown): MatchExplanation {
  return explainValue(root, event, '', undefined);
}

function explainValue(node: PatternNode, value: unknown, path: string, alternative: string | undefined): Verdict {
  if (!Array.isArray(value) || value.length === 0) {
    return explainObject(node, isObject(value) ? value : undefined, path, alternative);
  }
  let closest: Verdict | undefined;
  for (const [i, element] of value.entries()) {
    const verdict = explainValue(node, element, `${path}[${i}]`, alternative);
    if (verdict.matched) return verdict;
    if (!closest || verdict.reasons.length < closest.reasons.length) closest = verdict;
  }
  return closest as Verdict;
}

function explainObject(
  node: PatternNode,
  object: Record<string, unknown> | undefined,
  path: string,
  alternative: string | undefined,
): Verdict {
  const verdicts = node.fields.map((field) => explainField(field, object, path, alternative));
  node.anyOf.forEach((alternatives, group) => {
    const tried = alternatives.map((alt, i) => {
      const label = `${path ? `${path}.` : ''}$or${node.anyOf.length > 1 ? `#${group + 1}` : ''}[${i}]`;
      return explainObject(alt, object, path, label);
    });
    const hit = tried.find((v) => v.matched);
    verdicts.push(hit ?? { matched: false, reasons: tried.flatMap((v) => v.reasons) });
  });
  const matched = verdicts.every((v) => v.matched);
  const reasons = verdicts.filter((v) => v.matched === matched).flatMap((v) => v.reasons);
  return { matched, reasons };
}

function explainField(
  field: FieldRule,
  object: Record<string, unknown> | undefined,
  parent: string,
  alternative: string | undefined,
): Verdict {
  const value = ownField(object, field.key);
  const path = parent ? `${parent}.${field.key}` : field.key;
  if (field.type === 'nested') return explainValue(field.node, value, path, alternative);
  const reason = explainLeaf(field, value, path, alternative);
  return { matched: reason.matched, reasons: [reason] };
}
