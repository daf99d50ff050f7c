/**
 * DynamoDB's item size, as it bills writes (1 WRU per started KB, for the table and again
 * for every index the item is projected into), from the rules in the Developer Guide
 * ("Item sizes and formats"): attribute names count, strings are UTF-8 bytes, a number is
 * 1 byte plus 1 per two significant digits, booleans and nulls 1 byte, a map or list 3
 * bytes plus 1 per element plus its elements (and a map its element names).
 */
export function itemSizeBytes(item: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  }
  return size;
}

/** Write request units for one standard write of an item of this size. */
export function writeUnits(sizeBytes: number): number {
  return Math.max(1, Math.ceil(sizeBytes / 1024));
}

/** The attributes of `item` an index stores: its keys plus the projected attributes. */
export function projectedItem(item: Readonly<Record<string, unknown>>, keys: readonly string[], include: readonly string[]): Record<string, unknown> {
  const projected: Record<string, unknown> = {};
  for (const name of [...keys, ...include]) if (item[name] !== undefined) projected[name] = item[name];
  return projected;
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return numberSize(value);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, element] of Object.entries(value as Record<string, unknown>)) {
      if (element !== undefined) size += Buffer.byteLength(name, 'utf8') + 1 + valueSize(element);
    }
    return size;
  }
  throw new TypeError(`no DynamoDB size for ${typeof value}`);
}

function numberSize(value: number): number {
  // Significant digits of the shortest round-trip form (what the SDK sends).
  const digits = Math.abs(value)
    .toExponential()
    .replace(/e.*$/, '')
    .replace('.', '')
    .replace(/^0+/, '').length;
  return 1 + Math.ceil(Math.max(1, digits) / 2);
}
