/**
 * JSON written by hand, so that a payload can carry what JSON.stringify never produces:
 * `1e400`, `-0`, duplicate or `__proto__` keys, and bytes that are not UTF-8.
 */
export type Piece = string | Buffer;

/** Members of an object in order; a key is its JSON text, quotes included (it may hold raw bytes). */
export type Members = ReadonlyArray<readonly [key: Piece, value: Piece]>;

export const quoted = (text: string): string => JSON.stringify(text);

export function objectText(members: Members): Buffer {
  const parts: Piece[] = ['{'];
  members.forEach(([key, value], i) => parts.push(i === 0 ? '' : ',', key, ':', value));
  parts.push('}');
  return bytes(parts);
}

export function arrayText(items: readonly Piece[]): Buffer {
  const parts: Piece[] = ['['];
  items.forEach((item, i) => parts.push(i === 0 ? '' : ',', item));
  parts.push(']');
  return bytes(parts);
}

export function bytes(parts: readonly Piece[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}

/** Sets (replacing in place) or appends a member. */
export function withMember(members: Members, key: string, value: Piece): Members {
  const name = quoted(key);
  const at = members.findIndex(([k]) => k === name);
  if (at === -1) return [...members, [name, value]];
  return members.map((member, i) => (i === at ? ([name, value] as const) : member));
}

export function withoutMember(members: Members, key: string): Members {
  const name = quoted(key);
  return members.filter(([k]) => k !== name);
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` levels. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** What a receiver decoding these bytes as UTF-8 reads (invalid sequences become U+FFFD). */
export function decodedText(piece: Piece): string {
  return typeof piece === 'string' ? piece : piece.toString('utf8');
}
