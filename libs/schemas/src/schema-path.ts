/**
 * The schema object holding the keyword an Ajv error's `schemaPath` names (what a `verbose`
 * error carries as `parentSchema`). Schema paths are URI fragments of JSON Pointers into the
 * root schema, e.g. `#/properties/data/properties/readings/items/properties/aqi/anyOf/0/type`;
 * resolving them this way assumes a schema without `$ref`, which the generator checks.
 */
export function schemaAtErrorPath(root: object, schemaPath: string): Record<string, unknown> | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1);
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    node = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}
