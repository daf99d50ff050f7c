import fc from 'fast-check';
import { FORBIDDEN_KEYS, findForbiddenKeys } from '@pulse/schemas';

export type JsonType = 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object';

/** Any JSON value without a `__proto__`/`constructor`/`prototype` key (those are their own case). */
export const safeJsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 }).filter((value) => findForbiddenKeys(value).length === 0);

const textOf: Record<JsonType, fc.Arbitrary<string>> = {
  number: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
    fc.integer().map(String),
  ),
  string: fc.string({ maxLength: 30, unit: 'grapheme' }).map((value) => JSON.stringify(value)),
  boolean: fc.boolean().map(String),
  null: fc.constant('null'),
  array: fc.array(safeJsonValue, { maxLength: 4 }).map((value) => JSON.stringify(value)),
  object: fc
    .dictionary(fc.string({ maxLength: 12 }), safeJsonValue, { maxKeys: 4 })
    .filter((value) => findForbiddenKeys(value).length === 0)
    .map((value) => JSON.stringify(value)),
};

/** JSON text of a value of one of these types. */
export function jsonOfTypes(...types: readonly JsonType[]): fc.Arbitrary<string> {
  return fc.oneof(...types.map((type) => textOf[type]));
}

export const anyJsonText: fc.Arbitrary<string> = jsonOfTypes('number', 'string', 'boolean', 'null', 'array', 'object');

/** A number that is not an integer (a timestamp or sequence must be one). */
export const nonIntegerText: fc.Arbitrary<string> = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((value) => !Number.isInteger(value))
  .map((value) => JSON.stringify(value));

/** Keys a sender might invent, including names that shadow Object.prototype members. */
export function unknownKey(known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' }),
      fc.constantFrom('id', 'deviceID', 'device_id', 'Timestamp', 'values', 'pm2.5', '$ref', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'a b', '0'),
    )
    .filter((key) => !known.includes(key) && !FORBIDDEN_KEYS.has(key) && key !== 'readings');
}

/** Byte sequences that are not UTF-8: stray continuation bytes, overlongs, surrogates, 5-byte forms. */
export const invalidUtf8: fc.Arbitrary<Buffer> = fc
  .constantFrom([0xff], [0xfe], [0x80], [0xc3, 0x28], [0xa0, 0xa1], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82])
  .map((sequence) => Buffer.from(sequence));

/** Tokens JSON does not have: what a hand-written or JavaScript-minded sender produces. */
export const NOT_JSON_TOKENS = [
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  "'single quoted'",
  '01',
  '.5',
  '+1',
  '0x1F',
  '1.',
  '-',
  'tru',
  '"unterminated',
  '"bad \\x escape"',
  '"raw\ttab"',
  '[1,]',
  '{"a":1,}',
  '{a:1}',
  '{"a" 1}',
  '// comment',
] as const;
