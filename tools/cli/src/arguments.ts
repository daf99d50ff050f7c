import { readFileSync } from 'node:fs';

/**
 * A JSON argument as text: inline JSON, `@path` or a plain path for a file, or `-` for standard input.
 * Returned unparsed, so the consumer sees exactly what was written (duplicate keys,
 * number spellings), as EventBridge does.
 */
export function readJsonArgument(value: string, readStdin: () => string = () => readFileSync(0, 'utf8')): string {
  if (value === '-') return readStdin();
  if (value.startsWith('@')) return readFileSync(value.slice(1), 'utf8');
  // Anything that is not JSON is a path (`explain event.json`); a missing file says ENOENT.
  return /^\s*[[{]/.test(value) || parsesAsJson(value) ? value : readFileSync(value, 'utf8');
}

/** Parses a whole number ≥ 1 from a flag, or throws a RangeError naming the flag. */
export function positiveInteger(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new RangeError(`${flag} must be a whole number ≥ 1, got '${value}'`);
  return parsed;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
