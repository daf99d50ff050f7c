import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ValidationResult } from '../contract-types';

/**
 * Opaque list cursors: base64url of JSON (typically a DynamoDB LastEvaluatedKey). Clients
 * must treat them as opaque; anything that does not decode back to the expected shape is
 * a validation error on the `cursor` parameter, never a 500.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T = unknown>(cursor: string, schema?: TSchema, parameter = 'cursor'): ValidationResult<T> {
  const invalid = (message: string): ValidationResult<T> => ({
    ok: false,
    errors: [{ path: parameter, rule: 'cursor', message }],
  });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return invalid('cursor is not a valid cursor');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return invalid('cursor is not a valid cursor');
  }
  if (schema && !Value.Check(schema, value)) return invalid('cursor does not match this list');
  return { ok: true, value: value as T };
}
