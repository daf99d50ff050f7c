import { Type } from '@sinclair/typebox';
import { DEVICE_ID_PATTERN, MAX_EPOCH_MS, type ValidationIssue } from '@pulse/schemas';
import { decodeCursor, type JwtRequestEvent } from '@pulse/service-kit';
import type { DeviceReadingsQuery } from '../domain/ports';
import { fail, parseLimit, parseTime, type Parsed } from './query-parameters';

const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);

/** The cursor's content: the device it belongs to and the ts of the last reading served. */
export const DeviceCursorSchema = Type.Object({ d: Type.String(), ts: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

/**
 * The request as a query, or every issue at once, each naming its parameter. `from` is
 * raised to the retention floor (older readings are expired, whether or not TTL has
 * deleted them yet), so local runs without TTL expiry answer as AWS does.
 */
export function deviceReadingsQuery(
  event: Pick<JwtRequestEvent, 'pathParameters' | 'queryStringParameters'>,
  fleetId: string,
  floor: number,
): { ok: true; value: DeviceReadingsQuery } | { ok: false; errors: ValidationIssue[] } {
  const deviceId = event.pathParameters?.deviceId ?? '';
  const query = event.queryStringParameters ?? {};
  const errors: ValidationIssue[] = [];
  const take = <T>(parsed: Parsed<T>): T | undefined => (parsed.ok ? parsed.value : (errors.push(parsed.issue), undefined));

  if (!DEVICE_ID.test(deviceId)) errors.push({ path: 'deviceId', rule: 'pattern', message: "deviceId must be 1–64 of A–Z, a–z, 0–9, '_' or '-'" });
  const limit = take(parseLimit(query.limit));
  const from = take(parseTime('from', query.from, floor));
  const to = take(parseTime('to', query.to, MAX_EPOCH_MS));
  if (from !== undefined && to !== undefined && from > to) take(fail('from', 'range', 'from must not be after to'));
  const before = query.cursor === undefined ? undefined : take(cursorPosition(query.cursor, deviceId, Math.max(from ?? 0, floor), to ?? MAX_EPOCH_MS));
  if (errors.length > 0 || limit === undefined || from === undefined || to === undefined) return { ok: false, errors };
  return { ok: true, value: { fleetId, deviceId, from: Math.max(from, floor), to, limit, ...(before !== undefined ? { before } : {}) } };
}

function cursorPosition(cursor: string, deviceId: string, from: number, to: number): Parsed<number> {
  const decoded = decodeCursor<{ d: string; ts: number }>(cursor, DeviceCursorSchema);
  if (!decoded.ok) return { ok: false, issue: decoded.errors[0] };
  // DynamoDB rejects a start key outside the key condition; a cursor of another list is a client error.
  if (decoded.value.d !== deviceId || decoded.value.ts < from || decoded.value.ts > to) {
    return fail('cursor', 'cursor', 'cursor does not match this list');
  }
  return { ok: true, value: decoded.value.ts };
}
