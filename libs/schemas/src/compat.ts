import type { RegistrySchema } from './registry-schema';

/**
 * Kinds of change that break a consumer or stop an archived event from replaying.
 * The rule: the new schema must accept every event the old one accepted, and keep
 * every field (a consumer may read it). Additive changes — a new optional field, a
 * widened enum, a looser bound — produce no issue.
 */
export type CompatKind =
  | 'field-removed'
  | 'field-renamed'
  | 'required-added'
  | 'type-narrowed'
  | 'enum-narrowed'
  | 'bound-narrowed'
  | 'pattern-changed'
  | 'format-changed'
  | 'closed-to-unknown-fields'
  | 'source-changed'
  | 'detail-type-changed';

export interface CompatIssue {
  /** Where, e.g. 'detail.data.readings[].deviceId' ('[]' = every item). */
  path: string;
  kind: CompatKind;
  message: string;
}

type Schema = Record<string, unknown>;

/** Breaking differences from `previous` to `next` (pure; both plain JSON Schemas). */
export function compareSchemas(previous: unknown, next: unknown, path = ''): CompatIssue[] {
  const issues: CompatIssue[] = [];
  compare(asSchema(previous), asSchema(next), path, issues);
  return issues;
}

/** Two registry documents (toRegistrySchema) of the same event and version. */
export function compareContracts(previous: RegistrySchema, next: RegistrySchema): CompatIssue[] {
  const issues: CompatIssue[] = [];
  const prop = (doc: RegistrySchema, name: string) => ((doc['properties'] as Record<string, Schema>)[name] ?? {}) as Schema;
  for (const [name, kind] of [['source', 'source-changed'], ['detail-type', 'detail-type-changed']] as const) {
    const was = JSON.stringify(prop(previous, name)['enum']);
    const now = JSON.stringify(prop(next, name)['enum']);
    if (was !== now) issues.push({ path: name, kind, message: `${name} changed from ${was} to ${now}: existing rules stop matching` });
  }
  return [...issues, ...compareSchemas(prop(previous, 'detail'), prop(next, 'detail'), 'detail')];
}

function compare(o: Schema, n: Schema, path: string, issues: CompatIssue[]): void {
  const oBranches = branches(o);
  const nBranches = branches(n);
  if (oBranches.length > 1 || nBranches.length > 1) return compareBranches(oBranches, nBranches, path, issues);
  compareTypes(o, n, path, issues);
  compareValues(o, n, path, issues);
  compareBounds(o, n, path, issues);
  if (n['pattern'] !== undefined && n['pattern'] !== o['pattern']) {
    issues.push({
      path,
      kind: 'pattern-changed',
      message: `pattern changed from ${String(o['pattern'] ?? '(none)')} to ${String(n['pattern'])}; a changed pattern may reject old values`,
    });
  }
  if (n['format'] !== undefined && n['format'] !== o['format']) {
    issues.push({ path, kind: 'format-changed', message: `format changed from ${String(o['format'] ?? '(none)')} to ${String(n['format'])}` });
  }
  if (o['properties'] !== undefined || n['properties'] !== undefined) compareObjects(o, n, path, issues);
  if (o['items'] !== undefined || n['items'] !== undefined) compare(asSchema(o['items']), asSchema(n['items']), `${path}[]`, issues);
}

/** Every old alternative must still be accepted by some new alternative. */
function compareBranches(oBranches: Schema[], nBranches: Schema[], path: string, issues: CompatIssue[]): void {
  for (const ob of oBranches) {
    const attempts = nBranches.map((nb) => compareSchemas(ob, nb, path));
    if (attempts.some((a) => a.length === 0)) continue;
    const sameType = nBranches.findIndex((nb) => overlaps(types(ob), types(nb)));
    if (sameType >= 0) issues.push(...attempts[sameType]);
    else issues.push({ path, kind: 'type-narrowed', message: `no longer accepts ${describe(ob)}` });
  }
}

function compareTypes(o: Schema, n: Schema, path: string, issues: CompatIssue[]): void {
  const nt = types(n);
  if (nt === undefined) return;
  const ot = types(o);
  const lost = ot === undefined ? ['any type'] : ot.filter((t) => !nt.includes(t) && !(t === 'integer' && nt.includes('number')));
  if (lost.length > 0) {
    issues.push({ path, kind: 'type-narrowed', message: `type narrowed from ${ot?.join('|') ?? 'any'} to ${nt.join('|')}` });
  }
}

function compareValues(o: Schema, n: Schema, path: string, issues: CompatIssue[]): void {
  const nv = values(n);
  if (nv === undefined) return;
  const ov = values(o);
  if (ov === undefined) {
    issues.push({ path, kind: 'enum-narrowed', message: `now restricted to ${nv.map((v) => JSON.stringify(v)).join(', ')}` });
    return;
  }
  const kept = new Set(nv.map((v) => JSON.stringify(v)));
  const removed = ov.map((v) => JSON.stringify(v)).filter((v) => !kept.has(v));
  if (removed.length > 0) issues.push({ path, kind: 'enum-narrowed', message: `no longer allows ${removed.join(', ')}` });
}

/** [keyword, direction]: 'max' means a smaller new value narrows, 'min' a larger one. */
const LIMITS: [string, 'min' | 'max'][] = [
  ['minLength', 'min'],
  ['maxLength', 'max'],
  ['minItems', 'min'],
  ['maxItems', 'max'],
  ['minProperties', 'min'],
  ['maxProperties', 'max'],
];

function compareBounds(o: Schema, n: Schema, path: string, issues: CompatIssue[]): void {
  for (const [keyword, direction] of LIMITS) {
    const was = o[keyword] as number | undefined;
    const now = n[keyword] as number | undefined;
    if (now === undefined) continue;
    const narrowed = was === undefined || (direction === 'max' ? now < was : now > was);
    if (narrowed) issues.push({ path, kind: 'bound-narrowed', message: `${keyword} narrowed from ${was ?? 'none'} to ${now}` });
  }
  for (const side of ['lower', 'upper'] as const) {
    const was = bound(o, side);
    const now = bound(n, side);
    if (now === undefined) continue;
    const tighter =
      was === undefined ||
      (side === 'lower' ? now.value > was.value : now.value < was.value) ||
      (now.value === was.value && now.exclusive && !was.exclusive);
    if (tighter) {
      issues.push({ path, kind: 'bound-narrowed', message: `${side} bound narrowed from ${showBound(was, side)} to ${showBound(now, side)}` });
    }
  }
  if (n['uniqueItems'] === true && o['uniqueItems'] !== true) {
    issues.push({ path, kind: 'bound-narrowed', message: 'items must now be unique' });
  }
  const step = n['multipleOf'] as number | undefined;
  if (step !== undefined && !(typeof o['multipleOf'] === 'number' && (o['multipleOf'] as number) % step === 0)) {
    issues.push({ path, kind: 'bound-narrowed', message: `must now be a multiple of ${step}` });
  }
}

function compareObjects(o: Schema, n: Schema, path: string, issues: CompatIssue[]): void {
  const oProps = (o['properties'] ?? {}) as Record<string, Schema>;
  const nProps = (n['properties'] ?? {}) as Record<string, Schema>;
  const oRequired = new Set((o['required'] ?? []) as string[]);
  const nRequired = new Set((n['required'] ?? []) as string[]);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const added = Object.keys(nProps).filter((k) => !(k in oProps));
  const renamedTo = new Set<string>();
  for (const key of Object.keys(oProps)) {
    if (key in nProps) {
      compare(oProps[key], nProps[key], at(key), issues);
      if (nRequired.has(key) && !oRequired.has(key)) {
        issues.push({ path: at(key), kind: 'required-added', message: `'${key}' changed from optional to required` });
      }
      continue;
    }
    const twin = added.find((k) => !renamedTo.has(k) && canonical(nProps[k]) === canonical(oProps[key]));
    if (twin !== undefined) {
      renamedTo.add(twin);
      issues.push({ path: at(key), kind: 'field-renamed', message: `'${key}' appears renamed to '${twin}'; consumers reading '${key}' break` });
    } else {
      issues.push({ path: at(key), kind: 'field-removed', message: `field '${key}' was removed; consumers reading it break` });
    }
  }
  for (const key of added) {
    if (nRequired.has(key) && !renamedTo.has(key)) {
      issues.push({ path: at(key), kind: 'required-added', message: `new required field '${key}': events produced before it lack it` });
    }
  }
  if (n['additionalProperties'] === false && o['additionalProperties'] !== false) {
    issues.push({ path, kind: 'closed-to-unknown-fields', message: 'unknown fields, accepted before, are now rejected' });
  }
}

function asSchema(value: unknown): Schema {
  if (value === true || value === undefined) return {};
  if (value === false) return { not: {} };
  return value as Schema;
}

function branches(schema: Schema): Schema[] {
  if (!Array.isArray(schema['anyOf'])) return [schema];
  return (schema['anyOf'] as unknown[]).map(asSchema);
}

function types(schema: Schema): string[] | undefined {
  const type = schema['type'];
  if (type === undefined) return undefined;
  return Array.isArray(type) ? (type as string[]) : [type as string];
}

function overlaps(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return a.some((t) => b.includes(t) || (t === 'integer' && b.includes('number')) || (t === 'number' && b.includes('integer')));
}

function values(schema: Schema): unknown[] | undefined {
  if ('const' in schema) return [schema['const']];
  return Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
}

interface Bound {
  value: number;
  exclusive: boolean;
}

/** Reads a bound in either dialect: Draft 4 (boolean exclusive flag) or later (numeric). */
function bound(schema: Schema, side: 'lower' | 'upper'): Bound | undefined {
  const inclusive = schema[side === 'lower' ? 'minimum' : 'maximum'];
  const exclusive = schema[side === 'lower' ? 'exclusiveMinimum' : 'exclusiveMaximum'];
  if (typeof exclusive === 'number') return { value: exclusive, exclusive: true };
  if (typeof inclusive === 'number') return { value: inclusive, exclusive: exclusive === true };
  return undefined;
}

function showBound(b: Bound | undefined, side: 'lower' | 'upper'): string {
  if (b === undefined) return 'none';
  return `${side === 'lower' ? (b.exclusive ? '>' : '>=') : b.exclusive ? '<' : '<='} ${b.value}`;
}

function describe(schema: Schema): string {
  return values(schema)?.map((v) => JSON.stringify(v)).join(' | ') ?? types(schema)?.join(' | ') ?? 'a schema';
}

/** Key-order-independent JSON, to recognise a renamed field by its unchanged schema. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
