import { readFileSync } from 'node:fs';

/**
 * A JSON argument as text: inline JSON, `@path` for a file, or `-` for standard input.
 * Returned unparsed, so the consumer sees exactly what was written (duplicate keys,
 * number spellings), as EventBridge does.
 */
export function readJsonArgument(value: string, readStdin: () => string = () => readFileSync(0, 'utf8')): string {
  if (value === '-') return readStdin();
  if (value.startsWith('@')) return readFileSync(value.slice(1), 'utf8');
  return value;
}
