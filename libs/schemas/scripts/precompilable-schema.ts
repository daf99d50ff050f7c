import { WORDED_KEYWORDS } from '../src/ajv-issues';
import type { ValidatorModule } from '../src/validator-manifest';

/** Keywords that never produce an error of their own (structure and annotations). */
const SILENT_KEYWORDS = new Set(['type', 'properties', 'patternProperties', 'items', 'title', 'description', 'rationale', '$comment', 'default', 'examples']);
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SUBSCHEMAS = new Set(['items', 'additionalProperties', 'anyOf', 'allOf', 'oneOf', 'not', 'contains', 'propertyNames', 'if', 'then', 'else']);

/**
 * A generated validator finds parent schemas by schema path (so no `$ref`) and carries no
 * Ajv messages (so every keyword must be one the issue mapping words itself).
 */
export function assertPrecompilable(entry: ValidatorModule): void {
  const visit = (schema: unknown, path: string): void => {
    if (typeof schema !== 'object' || schema === null) return;
    if (Array.isArray(schema)) return schema.forEach((s, i) => visit(s, `${path}/${i}`));
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword === '$ref') throw new Error(`${entry.module}: '$ref' at ${path}: generated validators find parent schemas by schema path, which a $ref breaks (inline the schema)`);
      if (!SILENT_KEYWORDS.has(keyword) && !WORDED_KEYWORDS.has(keyword)) {
        throw new Error(`${entry.module}: '${keyword}' at ${path}: its issue would quote Ajv's message, which generated validators leave out (word it in ajv-issues.ts)`);
      }
      if (SUBSCHEMA_MAPS.has(keyword)) for (const [name, child] of Object.entries(value as object)) visit(child, `${path}/${keyword}/${name}`);
      else if (SUBSCHEMAS.has(keyword)) visit(value, `${path}/${keyword}`);
    }
  };
  visit(entry.schema, '#');
}
