import type { Fail } from './numeric';

/** A wildcard pattern split at its unescaped `*`s: n stars give n + 1 literal parts. */
export interface WildcardPattern {
  readonly text: string;
  readonly parts: readonly string[];
}

/**
 * Parses EventBridge wildcard text: `*` matches any run of characters, `\*` and `\\`
 * are a literal star and backslash, any other escape and `**` are rejected.
 */
export function parseWildcard(operand: unknown, fail: Fail): WildcardPattern {
  if (typeof operand !== 'string') fail('wildcard match pattern must be a string');
  const text = operand as string;
  const parts: string[] = [];
  let literal = '';
  let lastWasStar = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '*') {
      if (lastWasStar) fail(`Consecutive wildcard characters at pos ${i}`);
      parts.push(literal);
      literal = '';
      lastWasStar = true;
      continue;
    }
    lastWasStar = false;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next !== '*' && next !== '\\') fail(`Invalid escape character at pos ${i}`);
      literal += next;
      i++;
    } else {
      literal += ch;
    }
  }
  parts.push(literal);
  return { text, parts };
}

/** Anchored glob match; taking the leftmost fit for each middle part is enough with `*` only. */
export function matchesWildcard(pattern: WildcardPattern, value: string): boolean {
  const { parts } = pattern;
  const first = parts[0] as string;
  if (parts.length === 1) return value === first;
  const last = parts[parts.length - 1] as string;
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const found = value.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
