import { findForbiddenKeys } from './forbidden-keys';
import { formatPath } from './json-path';
import { locateJsonSyntaxError } from './json-syntax-error';
import type { ValidationIssue, ValidationResult } from './validation';

/**
 * JSON.parse for untrusted bodies: malformed text becomes an issue with line and
 * column (rule 'json'), and any `__proto__`, `constructor` or `prototype` key is
 * rejected (rule 'forbiddenKey') before the value can reach a spread or merge.
 */
export function parseJson(text: string): ValidationResult<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 BOM
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const where = locateJsonSyntaxError(body) ?? { line: 1, column: 1, reason: 'not valid JSON' };
    return {
      ok: false,
      errors: [
        {
          path: '',
          rule: 'json',
          message: `malformed JSON at line ${where.line}, column ${where.column}: ${where.reason}`,
          line: where.line,
          column: where.column,
        },
      ],
    };
  }
  const forbidden = findForbiddenKeys(value);
  return forbidden.length === 0 ? { ok: true, value } : { ok: false, errors: forbidden };
}

/**
 * NDJSON (S3 drops, Kinesis aggregates): one value per non-blank line. Issue paths
 * start with the record's index (`[3].measurements`), and `line` is the line in the file.
 */
export function parseJsonLines(text: string): ValidationResult<unknown[]> {
  const values: unknown[] = [];
  const errors: ValidationIssue[] = [];
  const lines = text.split('\n');
  let record = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (line.trim() === '') continue;
    const index = record++;
    const parsed = parseJson(line);
    if (parsed.ok) values.push(parsed.value);
    else errors.push(...parsed.errors.map((issue) => relocate(issue, index, n + 1)));
  }
  return errors.length === 0 ? { ok: true, value: values } : { ok: false, errors };
}

function relocate(issue: ValidationIssue, index: number, line: number): ValidationIssue {
  const path = formatPath([index]) + (issue.path === '' ? '' : issue.path.startsWith('[') ? issue.path : `.${issue.path}`);
  const message = issue.rule === 'json' ? issue.message.replace(/at line \d+,/, `at line ${line},`) : `${issue.message} (line ${line})`;
  return { ...issue, path, message, line };
}
