import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

/**
 * A string enum as a plain JSON Schema `enum` rather than TypeBox's anyOf-of-consts:
 * one keyword gives one clear error, converts to Draft 4 unchanged, and lets the
 * compatibility check see a widened or narrowed value list directly.
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
