import type { ErrorObject } from 'ajv';
import { FORBIDDEN_KEYS, forbiddenKeyIssue } from './forbidden-keys';
import { formatPath, pointerToSegments } from './json-path';
import { schemaAtErrorPath } from './schema-path';
import type { ValidationIssue } from './validation-result';

type AnySchema = Record<string, unknown>;
type Params = Record<string, unknown>;

/**
 * Turns Ajv's errors into Pulse issues: a readable path, the failing rule, a sentence.
 * Reads from each error its keyword, params, paths and parent schema, which `verbose` errors
 * carry and which is otherwise looked up in `schema` (the root the schema paths point into);
 * Ajv's own `message` only for keywords not in WORDED_KEYWORDS.
 */
export function toIssues(errors: readonly ErrorObject[], data: unknown, schema: object): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  const withParents = errors.map((e) => (e.parentSchema ? e : { ...e, parentSchema: schemaAtErrorPath(schema, e.schemaPath) }));
  for (const error of collapseAnyOf(withParents)) {
    const issue = toIssue(error, data);
    const key = `${issue.path}\u0000${issue.rule}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function toIssue(error: ErrorObject, data: unknown): ValidationIssue {
  const segments = pointerToSegments(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as AnySchema;
  switch (error.keyword) {
    case 'required': {
      const name = String(params['missingProperty']);
      return { path: formatPath([...segments, name]), rule: 'required', message: `'${name}' is required` };
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      if (FORBIDDEN_KEYS.has(name)) return forbiddenKeyIssue(segments, name);
      const allowed = Object.keys((parent['properties'] ?? {}) as AnySchema).join(', ');
      return {
        path: formatPath([...segments, name]),
        rule: 'additionalProperties',
        message: `unknown field '${name}' is not allowed (allowed: ${allowed})`,
      };
    }
    default:
      return { path: formatPath(segments), rule: error.keyword, message: messageFor(error, parent) };
  }
}

function messageFor(error: ErrorObject, parent: AnySchema): string {
  const why = typeof parent['rationale'] === 'string' ? ` (${parent['rationale']})` : '';
  const description = typeof parent['description'] === 'string' ? parent['description'] : undefined;
  const worded = MESSAGES[error.keyword];
  return worded ? worded(error.params as Params, { why, description, error }) : `${error.message ?? 'is invalid'}${why}`;
}

interface Wording {
  why: string;
  description: string | undefined;
  error: ErrorObject;
}

const MESSAGES: Record<string, (p: Params, w: Wording) => string> = {
  type: (p, { error }) => (error.message && p['collapsed'] ? error.message : `must be ${describeTypes(p['type'])}`),
  minimum: (p, { why }) => `must be ${p['comparison']} ${p['limit']}${why}`,
  maximum: (p, { why }) => `must be ${p['comparison']} ${p['limit']}${why}`,
  exclusiveMinimum: (p, { why }) => `must be ${p['comparison']} ${p['limit']}${why}`,
  exclusiveMaximum: (p, { why }) => `must be ${p['comparison']} ${p['limit']}${why}`,
  minLength: (p, { why }) => `must be at least ${p['limit']} characters long${why}`,
  maxLength: (p, { why }) => `must be at most ${p['limit']} characters long${why}`,
  minItems: (p, { why }) => `must have at least ${p['limit']} items${why}`,
  maxItems: (p, { why }) => `must have at most ${p['limit']} items${why}`,
  minProperties: (p, { why }) => `must have at least ${p['limit']} field${p['limit'] === 1 ? '' : 's'}${why}`,
  maxProperties: (p, { why }) => `must have at most ${p['limit']} fields${why}`,
  uniqueItems: (p) => `must not contain duplicates (items ${p['j']} and ${p['i']} are equal)`,
  pattern: (p, { description }) => (description ? `must be ${description}` : `must match the pattern ${p['pattern']}`),
  format: (p, { description }) => (description ? `must be ${description}` : `must be a valid ${p['format']}`),
  enum: (p) => `must be one of ${(p['allowedValues'] as unknown[]).map(quote).join(', ')}`,
  const: (p) => `must be ${quote(p['allowedValue'])}`,
};

/**
 * Keywords whose issues Pulse words itself: Ajv's `message` is never read for them (the
 * collapsed `type` error of an anyOf carries a message written here). Generated validators
 * are built without messages, so a schema keyword outside this set cannot be precompiled.
 */
export const WORDED_KEYWORDS: ReadonlySet<string> = new Set(['required', 'additionalProperties', 'anyOf', ...Object.keys(MESSAGES)]);

const ARTICLES: Record<string, string> = {
  string: 'a string',
  number: 'a finite number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeTypes(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => ARTICLES[String(t)] ?? String(t)).join(' or ');
}

/**
 * With allErrors, a failed anyOf reports every branch's errors. Keep only the branch
 * whose type matched the value (a malformed date string should hear about the date
 * format, not that it is not an integer); when no branch's type matched, report one
 * type error naming the alternatives. Innermost anyOf first so nesting composes.
 */
function collapseAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  let list = [...errors];
  const anyOfs = list.filter((e) => e.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const anyOf of anyOfs) {
    const prefix = `${anyOf.schemaPath}/`;
    const branchErrors = list.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(anyOf.instancePath));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const typeMatched = [...branches.values()].filter(
      (errs) => !errs.some((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath),
    );
    const replacement = typeMatched.length > 0 ? typeMatched.sort((a, b) => a.length - b.length)[0] : [typeErrorFor(anyOf)];
    const at = list.indexOf(branchErrors[0] ?? anyOf);
    const removed = new Set([anyOf, ...branchErrors]);
    list = [...list.slice(0, at).filter((e) => !removed.has(e)), ...replacement, ...list.slice(at).filter((e) => !removed.has(e))];
  }
  return list;
}

function typeErrorFor(anyOf: ErrorObject): ErrorObject {
  const parent = (anyOf.parentSchema ?? {}) as AnySchema;
  const branches = (parent['anyOf'] ?? []) as AnySchema[];
  const message =
    typeof parent['description'] === 'string'
      ? `must be ${parent['description']}`
      : `must be ${describeTypes(branches.map((b) => b['type'] ?? 'a value of another shape'))}`;
  return { ...anyOf, keyword: 'type', params: { type: branches.map((b) => b['type']), collapsed: true }, message };
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
