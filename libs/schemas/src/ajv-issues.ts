import type { ErrorObject } from 'ajv';
import { FORBIDDEN_KEYS, forbiddenKeyIssue } from './forbidden-keys';
import { formatPath, pointerToSegments } from './json-path';
import type { ValidationIssue } from './validation';

type AnySchema = Record<string, unknown>;

/** Turns Ajv's errors into Pulse issues: a readable path, the failing rule, a sentence. */
export function toIssues(errors: readonly ErrorObject[], data: unknown): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of collapseAnyOf(errors)) {
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
  const p = error.params as Record<string, unknown>;
  const why = typeof parent['rationale'] === 'string' ? ` (${parent['rationale']})` : '';
  const description = typeof parent['description'] === 'string' ? parent['description'] : undefined;
  switch (error.keyword) {
    case 'type':
      return error.message && p['collapsed'] ? error.message : `must be ${describeTypes(p['type'])}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p['comparison']} ${p['limit']}${why}`;
    case 'minLength':
      return `must be at least ${p['limit']} characters long${why}`;
    case 'maxLength':
      return `must be at most ${p['limit']} characters long${why}`;
    case 'minItems':
      return `must have at least ${p['limit']} items${why}`;
    case 'maxItems':
      return `must have at most ${p['limit']} items${why}`;
    case 'minProperties':
      return `must have at least ${p['limit']} field${p['limit'] === 1 ? '' : 's'}${why}`;
    case 'maxProperties':
      return `must have at most ${p['limit']} fields${why}`;
    case 'uniqueItems':
      return `must not contain duplicates (items ${p['j']} and ${p['i']} are equal)`;
    case 'pattern':
      return description ? `must be ${description}` : `must match the pattern ${p['pattern']}`;
    case 'format':
      return description ? `must be ${description}` : `must be a valid ${p['format']}`;
    case 'enum':
      return `must be one of ${(p['allowedValues'] as unknown[]).map(quote).join(', ')}`;
    case 'const':
      return `must be ${quote(p['allowedValue'])}`;
    default:
      return `${error.message ?? 'is invalid'}${why}`;
  }
}

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
