import { Type } from '@sinclair/typebox';
import type { ValidationIssue } from '@pulse/schemas';
import { decodeCursor, type JwtRequestEvent } from '@pulse/service-kit';
import { parseLimit } from './query-parameters';

export const ZoneCursorSchema = Type.Object({ z: Type.String({ minLength: 1 }) }, { additionalProperties: false });

export interface ZonesQuery {
  readonly limit: number;
  readonly after?: string;
}

export function zonesQuery(event: Pick<JwtRequestEvent, 'queryStringParameters'>): { ok: true; value: ZonesQuery } | { ok: false; errors: ValidationIssue[] } {
  const query = event.queryStringParameters ?? {};
  const errors: ValidationIssue[] = [];
  const limit = parseLimit(query.limit);
  if (!limit.ok) errors.push(limit.issue);
  const cursor = query.cursor === undefined ? undefined : decodeCursor<{ z: string }>(query.cursor, ZoneCursorSchema);
  if (cursor && !cursor.ok) errors.push(...cursor.errors);
  if (!limit.ok || (cursor && !cursor.ok)) return { ok: false, errors };
  return { ok: true, value: { limit: limit.value, ...(cursor?.ok ? { after: cursor.value.z } : {}) } };
}
