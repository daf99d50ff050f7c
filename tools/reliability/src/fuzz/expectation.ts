import type { ApiAnswer } from '../api-client';
import { errorBodyProblem, type FieldIssue, type PulseErrorBody } from '../error-body';

export interface ExpectedIssue {
  /** Exactly this path (as Pulse formats paths: `readings[0]['a b']`, `['pm2.5']`). */
  readonly path: string;
  /** One of these rules. */
  readonly rules: readonly string[];
}

/** What POST /v1/readings must answer to one malformed request. */
export interface Expectation {
  readonly status: 400 | 413 | 415;
  readonly code: 'ValidationError' | 'PayloadTooLarge' | 'UnsupportedMediaType';
  /** Each must be named in `errors`; for 413 and 415 there are none (no field is at fault). */
  readonly issues: readonly ExpectedIssue[];
}

export const invalid = (...issues: ExpectedIssue[]): Expectation => ({ status: 400, code: 'ValidationError', issues });
export const tooLarge: Expectation = { status: 413, code: 'PayloadTooLarge', issues: [] };
export const unsupportedMediaType: Expectation = { status: 415, code: 'UnsupportedMediaType', issues: [] };

/**
 * Why an answer is not the expected one, or undefined when it is: the status, Pulse's error
 * body with the expected code, every expected issue named by path and rule, no issue blaming
 * anything else, and a line and column for every JSON syntax issue.
 */
export function judge(answer: ApiAnswer, expected: Expectation): string | undefined {
  const excerpt = () => answer.text.slice(0, 600);
  if (answer.status !== expected.status) return `status ${answer.status}, expected ${expected.status}: ${excerpt()}`;
  const shape = errorBodyProblem(answer.body);
  if (shape) return `${shape}: ${excerpt()}`;
  const body = answer.body as PulseErrorBody;
  if (body.error.code !== expected.code) return `error.code ${body.error.code}, expected ${expected.code}`;
  const issues = body.errors ?? [];
  const matches = (issue: FieldIssue, wanted: ExpectedIssue) =>
    issue.path === wanted.path && wanted.rules.includes(issue.rule);
  for (const wanted of expected.issues) {
    if (!issues.some((issue) => matches(issue, wanted))) return `no issue at '${wanted.path}' with rule ${wanted.rules.join('|')}: ${excerpt()}`;
  }
  const stray = issues.find((issue) => !expected.issues.some((wanted) => matches(issue, wanted)));
  if (stray) return `an issue blames what was not wrong: ${JSON.stringify(stray)}; expected only ${JSON.stringify(expected.issues)}`;
  const unplaced = issues.find((issue) => issue.rule === 'json' && !(Number.isInteger(issue.line) && Number.isInteger(issue.column)));
  if (unplaced) return `a JSON syntax issue without line and column: ${JSON.stringify(unplaced)}`;
  return undefined;
}
