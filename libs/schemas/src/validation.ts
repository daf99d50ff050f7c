import type { Static, TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { ajv } from './ajv-instance';
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
 * A validator that reports every issue, for one schema. Declare it at module scope; Ajv
 * compiles it on first use, once, so a Lambda pays only for the contracts it really
 * validates (compiling all of them at load would add ~100 ms to every cold start).
 * Forbidden keys are looked for in the data itself, so they are rejected even where a
 * schema would allow extra fields.
 */
export function compileValidator<S extends TSchema>(schema: S): Validator<Static<S>> {
  let compiled: ValidateFunction<Static<S>> | undefined;
  return (input) => {
    const check = (compiled ??= ajv.compile<Static<S>>(schema));
    const valid = check(input);
    const forbidden = findForbiddenKeys(input);
    if (valid && forbidden.length === 0) return { ok: true, value: input as Static<S> };
    const issues = valid ? [] : toIssues(check.errors ?? [], input);
    const reported = new Set(issues.map((i) => `${i.path}\u0000${i.rule}`));
    return { ok: false, errors: [...forbidden.filter((i) => !reported.has(`${i.path}\u0000${i.rule}`)), ...issues] };
  };
}
