import type { JsonValue } from './parse-json';

export function isJsonObject(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge for repeated keys: objects combine their fields, anything else is replaced. */
export function mergeObjects(a: Record<string, JsonValue>, b: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const old = out[key];
    out[key] = isJsonObject(old) && isJsonObject(value) ? mergeObjects(old, value) : value;
  }
  return out;
}
