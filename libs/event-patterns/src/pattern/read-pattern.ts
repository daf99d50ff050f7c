import { InvalidEventPatternException } from '../errors';
import { JsonSyntaxError } from '../json/json-syntax-error';
import { parseJson } from '../json/parse-json';
import { parsePattern } from './parse-pattern';
import type { PatternNode } from './types';

/** EventBridge's limit on the length of an event pattern's text. */
export const MAX_PATTERN_LENGTH = 2048;

/**
 * Accepts a pattern as JSON text (what AWS receives, so length, syntax and
 * repeated keys are judged on it) or as a value (judged on its JSON form).
 */
export function readPattern(pattern: unknown): PatternNode {
  if (typeof pattern === 'string') {
    checkLength(pattern);
    return parsePattern(parseText(pattern));
  }
  checkLength(serialise(pattern));
  return parsePattern(pattern);
}

function parseText(text: string): unknown {
  try {
    return parseJson(text, 'merge');
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new InvalidEventPatternException(error.message);
    throw error;
  }
}

function serialise(pattern: unknown): string {
  try {
    return JSON.stringify(pattern) ?? '';
  } catch {
    // Cycles and BigInts have no JSON form, so AWS could never receive them.
    throw new InvalidEventPatternException('Filter is not valid JSON');
  }
}

function checkLength(text: string): void {
  if (text.length > MAX_PATTERN_LENGTH) {
    throw new InvalidEventPatternException(
      `Event pattern is ${text.length} characters long; the maximum is ${MAX_PATTERN_LENGTH}`,
    );
  }
}
