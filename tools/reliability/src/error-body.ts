/** One entry of `errors`: where a field is at fault and by which rule. */
export interface FieldIssue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** Pulse's error body (ARCHITECTURE.md, "HTTP bodies"). */
export interface PulseErrorBody {
  readonly error: { readonly code: string; readonly message: string };
  readonly errors?: readonly FieldIssue[];
}

/**
 * What is wrong with an answer that should be Pulse's error body, or undefined when it is one:
 * `error.code` and `error.message` non-empty strings, and `errors` (when present) a non-empty
 * list of issues each naming a path (a string, '' for the body itself), a rule and a message.
 */
export function errorBodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  const { error, errors } = body;
  if (!isObject(error)) return 'no error object';
  if (!nonEmptyString(error['code'])) return 'error.code is not a non-empty string';
  if (!nonEmptyString(error['message'])) return 'error.message is not a non-empty string';
  if (errors === undefined) return undefined;
  if (!Array.isArray(errors) || errors.length === 0) return 'errors is present but not a non-empty list';
  for (const [i, issue] of errors.entries()) {
    if (!isObject(issue)) return `errors[${i}] is not an object`;
    if (typeof issue['path'] !== 'string') return `errors[${i}].path is not a string`;
    if (!nonEmptyString(issue['rule'])) return `errors[${i}].rule is not a non-empty string`;
    if (!nonEmptyString(issue['message'])) return `errors[${i}].message is not a non-empty string`;
  }
  return undefined;
}

export function isPulseErrorBody(body: unknown): body is PulseErrorBody {
  return errorBodyProblem(body) === undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
