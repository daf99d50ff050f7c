import { explainNode } from './explain/explain';
import type { MatchExplanation } from './explain/types';
import { compileNode } from './match/compile-node';
import { readPattern } from './pattern/read-pattern';

/** A pattern validated and compiled once, to be run against many events. */
export interface CompiledPattern {
  /** Whether EventBridge would deliver `event` to a rule with this pattern. */
  matches(event: unknown): boolean;
  /** The same verdict with the fields and operators that decided it. */
  explain(event: unknown): MatchExplanation;
}

/**
 * Validates `pattern` (JSON text or a value) and compiles it to a matcher.
 * @throws InvalidEventPatternException when EventBridge would reject the pattern.
 */
export function compilePattern(pattern: unknown): CompiledPattern {
  const root = readPattern(pattern);
  const match = compileNode(root);
  return {
    matches: (event) => match(event),
    explain: (event) => explainNode(root, event),
  };
}

/** One-off match; compile once with compilePattern when matching many events. */
export function matchesPattern(pattern: unknown, event: unknown): boolean {
  return compilePattern(pattern).matches(event);
}

/** One-off explanation; see CompiledPattern.explain. */
export function explainMatch(pattern: unknown, event: unknown): MatchExplanation {
  return compilePattern(pattern).explain(event);
}

/**
 * Throws InvalidEventPatternException, saying what is wrong and where, for any
 * pattern EventBridge would reject; returns quietly otherwise.
 */
export function validatePattern(pattern: unknown): void {
  readPattern(pattern);
}
