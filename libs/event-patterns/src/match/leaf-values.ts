/** A value EventBridge can compare: JSON objects are structure, not values. */
export type Scalar = string | number | boolean | null;

/**
 * The comparable values held by an event field. Arrays (nested too) contribute
 * their scalar members; objects and missing fields contribute nothing, which is
 * what `exists: false` sees as absent.
 */
export function leafValues(value: unknown): Scalar[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return isScalar(value) ? [value] : [];
  const out: Scalar[] = [];
  collect(value, out);
  return out;
}

function collect(items: readonly unknown[], out: Scalar[]): void {
  for (const item of items) {
    if (Array.isArray(item)) collect(item, out);
    else if (isScalar(item)) out.push(item);
  }
}

/**
 * Scans an event array's scalars without building a list (this runs per event):
 * 'hit' when `test` holds for one, else 'present' or 'absent'.
 */
export function scanLeaves(items: readonly unknown[], test: (value: Scalar) => boolean): 'hit' | 'present' | 'absent' {
  let found: 'present' | 'absent' = 'absent';
  for (const item of items) {
    if (Array.isArray(item)) {
      const inner = scanLeaves(item, test);
      if (inner === 'hit') return inner;
      if (inner === 'present') found = inner;
    } else if (isScalar(item)) {
      if (test(item)) return 'hit';
      found = 'present';
    }
  }
  return found;
}

export function isScalar(value: unknown): value is Scalar {
  const type = typeof value;
  return value === null || type === 'string' || type === 'number' || type === 'boolean';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own field only, so keys like "constructor" never reach Object.prototype. */
export function ownField(object: Record<string, unknown> | undefined, key: string): unknown {
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}
