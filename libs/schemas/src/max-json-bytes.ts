/**
 * Upper bound of the UTF-8 size of JSON.stringify(value) for any value a schema accepts,
 * computed from the schema's bounds alone (every optional field present, every string
 * and array at its maximum, every number at its longest form). Throws for an unbounded
 * schema: an open object, an array without maxItems or a string without maxLength
 * cannot be given a worst case, which is exactly what the batch limit needs.
 */
type Schema = Record<string, unknown>;

/** '-2.2250738585072014e-308': the longest JSON.stringify of a finite double. */
const MAX_NUMBER_BYTES = 24;
/** Escapes like \u001f are the worst any code point can cost once JSON-encoded. */
const MAX_BYTES_PER_CHAR = 6;

export function maxJsonBytes(schema: Schema, path = ''): number {
  if ('const' in schema) return utf8Bytes(JSON.stringify(schema['const']));
  if (Array.isArray(schema['enum'])) return Math.max(...schema['enum'].map((v) => utf8Bytes(JSON.stringify(v))));
  if (Array.isArray(schema['anyOf'])) return Math.max(...(schema['anyOf'] as Schema[]).map((s) => maxJsonBytes(s, path)));
  switch (schema['type']) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'integer':
      return integerBytes(schema);
    case 'number':
      return typeof schema['minimum'] === 'number' && schema['minimum'] >= 0 ? MAX_NUMBER_BYTES - 1 : MAX_NUMBER_BYTES;
    case 'string':
      return stringBytes(schema, path);
    case 'array':
      return arrayBytes(schema, path);
    case 'object':
      return objectBytes(schema, path);
    default:
      throw new Error(`${path || '(root)'}: cannot bound a schema of type ${String(schema['type'])}`);
  }
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function integerBytes(schema: Schema): number {
  const { minimum, maximum } = schema;
  if (typeof minimum !== 'number' || typeof maximum !== 'number') return MAX_NUMBER_BYTES;
  return Math.max(String(minimum).length, String(maximum).length);
}

function stringBytes(schema: Schema, path: string): number {
  const maxLength = schema['maxLength'];
  if (typeof maxLength !== 'number') throw new Error(`${path || '(root)'}: string without maxLength`);
  const perChar = schema['format'] === 'date-time' || isAsciiSafePattern(schema['pattern']) ? 1 : MAX_BYTES_PER_CHAR;
  return 2 + maxLength * perChar;
}

function arrayBytes(schema: Schema, path: string): number {
  const maxItems = schema['maxItems'];
  if (typeof maxItems !== 'number') throw new Error(`${path || '(root)'}: array without maxItems`);
  if (maxItems === 0) return 2;
  const items = schema['items'] as Schema;
  let content: number;
  if (schema['uniqueItems'] === true && Array.isArray(items['enum'])) {
    // Distinct values of a closed list: the longest ones, as many as can coexist.
    const sizes = items['enum'].map((v) => utf8Bytes(JSON.stringify(v))).sort((a, b) => b - a);
    const taken = sizes.slice(0, maxItems);
    content = taken.reduce((a, b) => a + b, 0) + Math.max(0, taken.length - 1);
  } else {
    content = maxItems * maxJsonBytes(items, `${path}[]`) + (maxItems - 1);
  }
  return 2 + content;
}

function objectBytes(schema: Schema, path: string): number {
  if (schema['additionalProperties'] !== false) throw new Error(`${path || '(root)'}: object open to unknown fields`);
  const properties = Object.entries((schema['properties'] ?? {}) as Record<string, Schema>);
  const members = properties.map(
    ([key, value]) => utf8Bytes(JSON.stringify(key)) + 1 + maxJsonBytes(value, path ? `${path}.${key}` : key),
  );
  return 2 + members.reduce((a, b) => a + b, 0) + Math.max(0, members.length - 1);
}

/**
 * True when every string the pattern can match is printable ASCII without '"' or '\',
 * i.e. costs one byte per character in JSON: only literal printable characters, positive
 * character classes and the escapes \d \w and escaped punctuation; no '.', no [^…].
 */
export function isAsciiSafePattern(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code > 0x7e || ch === '"') return false;
    if (ch === '\\') {
      const next = pattern[++i] ?? '';
      if (!/^[dw\-./+()[\]{}*?|^$:@_]$/.test(next)) return false;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      if (pattern[i + 1] === '^') return false;
    } else if (ch === ']' && inClass) {
      inClass = false;
    } else if (ch === '.' && !inClass) {
      return false;
    }
  }
  return true;
}
