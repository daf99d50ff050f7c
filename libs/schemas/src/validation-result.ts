import type { ErrorObject } from 'ajv';
import { toIssues } from './ajv-issues';
import { findForbiddenKeys } from './forbidden-keys';

export interface ValidationIssue {
  /** JSON-path-like, without '$': 'readings[3].measurements.pm25', '' for the root. */
  path: string;
  /** The JSON Schema keyword or Pulse rule that failed: 'required', 'maximum', 'forbiddenKey', … */
  rule: string;
  /** A sentence a person understands. */
  message: string;
  /** 1-based position in the text, for issues found while parsing it. */
  line?: number;
  column?: number;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

export interface Validator<T> {
  (input: unknown): ValidationResult<T>;
}

/**
 * One schema check's verdict as a Pulse result: Ajv's errors mapped to issues, plus the
 * forbidden keys found in the data itself, so they are rejected even where a schema would
 * allow extra fields. `schema` is the root the errors' schema paths point into.
 */
export function validationResult<T>(input: unknown, valid: boolean, errors: readonly ErrorObject[] | null | undefined, schema: object): ValidationResult<T> {
  const forbidden = findForbiddenKeys(input);
  if (valid && forbidden.length === 0) return { ok: true, value: input as T };
  const issues = valid ? [] : toIssues(errors ?? [], input, schema);
  const reported = new Set(issues.map((i) => `${i.path}\u0000${i.rule}`));
  return { ok: false, errors: [...forbidden.filter((i) => !reported.has(`${i.path}\u0000${i.rule}`)), ...issues] };
}
