import type { EventContract } from './envelope';

/** A JSON Schema Draft 4 document, as the EventBridge Schema Registry accepts it. */
export type RegistrySchema = Record<string, unknown>;

const DRAFT_4 = 'http://json-schema.org/draft-04/schema#';

/** Annotations that only Pulse's own validator reads. */
const PULSE_ONLY = new Set(['rationale', 'examples', '$comment']);

/** Later-draft keywords with no Draft 4 spelling: refuse rather than export a looser schema. */
const NO_DRAFT_4 = new Set([
  'contains', 'propertyNames', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas',
  'unevaluatedProperties', 'unevaluatedItems', 'prefixItems', '$defs', '$ref', '$anchor',
]);

/** Keywords whose value is a map of schemas, or a list of schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_LISTS = new Set(['anyOf', 'allOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'additionalItems', 'not']);

/**
 * Rewrites a TypeBox (draft 2019-09 flavoured) schema in Draft 4 terms: `const` → one-value
 * `enum`, numeric `exclusiveMinimum/Maximum` → `minimum/maximum` + boolean flag, `$id` → `id`,
 * boolean subschemas → `{}` / `{ not: {} }`; TypeBox's symbol keys are dropped.
 */
export function toDraft4(schema: unknown, path = '#'): RegistrySchema {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  const out: RegistrySchema = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (PULSE_ONLY.has(key)) continue;
    if (NO_DRAFT_4.has(key)) throw new Error(`${path}: '${key}' has no JSON Schema Draft 4 equivalent`);
    if (key === 'const') out['enum'] = [value];
    else if (key === '$id') out['id'] = value;
    else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') exclusiveBound(out, key, value, schema as RegistrySchema);
    else if (key === 'additionalProperties' && typeof value === 'boolean') out[key] = value;
    else if (SCHEMA_VALUES.has(key)) out[key] = toDraft4(value, `${path}/${key}`);
    else if (SCHEMA_LISTS.has(key)) out[key] = (value as unknown[]).map((s, i) => toDraft4(s, `${path}/${key}/${i}`));
    else if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, s]) => [k, toDraft4(s, `${path}/${key}/${k}`)]),
      );
    } else out[key] = structuredClone(value);
  }
  return out;
}

function exclusiveBound(out: RegistrySchema, key: string, value: unknown, schema: RegistrySchema): void {
  if (typeof value === 'boolean') {
    out[key] = value; // already Draft 4
    return;
  }
  const inclusive = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
  const other = schema[inclusive];
  // With both an inclusive and an exclusive bound, the tighter one wins.
  const exclusiveIsTighter =
    typeof other !== 'number' || (key === 'exclusiveMinimum' ? (value as number) >= other : (value as number) <= other);
  if (exclusiveIsTighter) {
    out[inclusive] = value;
    out[key] = true;
  }
}

/** The JSON Schema of the whole EventBridge event, with `detail` = the contract's schema. */
export function toRegistrySchema(contract: EventContract<unknown>): RegistrySchema {
  const detail = toDraft4(contract.schema, '#/properties/detail');
  return {
    $schema: DRAFT_4,
    id: `https://schemas.pulse.dev/${contract.name}/v${contract.version}.json`,
    title: `${contract.name}V${contract.version}`,
    description: contract.description,
    type: 'object',
    required: ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
    properties: {
      version: { type: 'string' },
      id: { type: 'string' },
      'detail-type': { type: 'string', enum: [contract.detailType] },
      source: { type: 'string', enum: [contract.source] },
      account: { type: 'string', pattern: '^[0-9]{12}$' },
      time: { type: 'string', format: 'date-time' },
      region: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' } },
      detail,
    },
    // EventBridge adds fields of its own (e.g. replay-name on replayed events).
    additionalProperties: true,
  };
}
