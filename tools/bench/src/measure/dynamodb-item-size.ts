/**
 * DynamoDB's size of an item as it bills writes and storage ("Item sizes and formats" in the
 * Developer Guide): attribute names count; strings are UTF-8 bytes; a number is 1 byte plus
 * 1 per two significant digits; booleans and nulls 1 byte; a map or list 3 bytes plus 1 per
 * element plus the elements (and a map its element names).
 */
export function dynamoItemBytes(item: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) if (value !== undefined) size += Buffer.byteLength(name, 'utf8') + valueBytes(value);
  return size;
}

/** Write request units of one standard write of an item this size (1 per started KB). */
export function writeUnitsFor(bytes: number, unitBytes = 1024): number {
  return Math.max(1, Math.ceil(bytes / unitBytes));
}

/** What an index stores of an item: its key attributes and the projected ones. */
export function projected(item: Readonly<Record<string, unknown>>, attributes: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of attributes) if (item[name] !== undefined) kept[name] = item[name];
  return kept;
}

function valueBytes(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return numberBytes(value);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueBytes(element), 0);
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, element] of Object.entries(value as Record<string, unknown>)) {
      if (element !== undefined) size += Buffer.byteLength(name, 'utf8') + 1 + valueBytes(element);
    }
    return size;
  }
  throw new TypeError(`no DynamoDB size for ${typeof value}`);
}

function numberBytes(value: number): number {
  const digits = Math.abs(value).toExponential().replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;
  return 1 + Math.ceil(Math.max(1, digits) / 2);
}
