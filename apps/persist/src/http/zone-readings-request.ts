import { Type } from '@sinclair/typebox';
import { DEVICE_ID_PATTERN, type ValidationIssue } from '@pulse/schemas';
import { decodeCursor, encodeCursor, type JwtRequestEvent } from '@pulse/service-kit';
import type { ZonePosition, ZoneReadingsQuery } from '../domain/ports';
import { fail, parseLimit, parseTime, type Parsed } from './query-parameters';

/** `since` defaults to one hour before now: the dashboard's "last hour" of a zone. */
export const DEFAULT_ZONE_WINDOW_MS = 3_600_000;

const ID = new RegExp(DEVICE_ID_PATTERN);

/**
 * The cursor's content: the zone, the position of the last reading served (ts, then device:
 * devices share timestamps) and the `since` the first page resolved. Keeping `since` keeps a
 * default window ("the last hour") from sliding between pages and cutting off its tail.
 */
export const ZoneReadingsCursorSchema = Type.Object(
  { z: Type.String(), d: Type.String({ pattern: DEVICE_ID_PATTERN }), ts: Type.Integer({ minimum: 0 }), s: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
type ZoneReadingsCursor = { z: string; d: string; ts: number; s: number };

export interface ZoneReadingsRequest {
  readonly query: ZoneReadingsQuery;
  /** `since` as requested (or defaulted, or kept by the cursor), before the retention floor raised it. */
  readonly requestedSince: number;
}

/**
 * The request as a query, or every issue at once, each naming its parameter. `since` is raised
 * to the retention floor, as the device route's `from` is, so local runs without TTL expiry
 * answer as AWS does.
 */
export function zoneReadingsQuery(
  event: Pick<JwtRequestEvent, 'pathParameters' | 'queryStringParameters'>,
  fleetId: string,
  now: number,
  floor: number,
): { ok: true; value: ZoneReadingsRequest } | { ok: false; errors: ValidationIssue[] } {
  const zoneId = event.pathParameters?.zoneId ?? '';
  const query = event.queryStringParameters ?? {};
  const errors: ValidationIssue[] = [];
  const take = <T>(parsed: Parsed<T>): T | undefined => (parsed.ok ? parsed.value : (errors.push(parsed.issue), undefined));

  if (!ID.test(zoneId)) errors.push({ path: 'zoneId', rule: 'pattern', message: "zoneId must be 1–64 of A–Z, a–z, 0–9, '_' or '-'" });
  const limit = take(parseLimit(query.limit));
  const cursor = query.cursor === undefined ? undefined : take(decoded(query.cursor));
  const since = take(parseTime('since', query.since, cursor?.s ?? Math.max(0, now - DEFAULT_ZONE_WINDOW_MS)));
  const until = take(parseTime('until', query.until, now));
  if (since !== undefined && until !== undefined && since > until) take(fail('since', 'range', 'since must not be after until'));
  const window = since !== undefined && until !== undefined && since <= until;
  if (cursor !== undefined && window && !(cursor.z === zoneId && cursor.s === since && cursor.ts >= Math.max(since, floor) && cursor.ts <= until)) {
    // DynamoDB rejects a start key outside the key condition; a cursor of another list is a client error.
    take(fail('cursor', 'cursor', 'cursor does not match this list'));
  }
  if (errors.length > 0 || limit === undefined || since === undefined || until === undefined) return { ok: false, errors };
  const before = cursor === undefined ? {} : { before: { ts: cursor.ts, deviceId: cursor.d } };
  return { ok: true, value: { query: { fleetId, zoneId, since: Math.max(since, floor), until, limit, ...before }, requestedSince: since } };
}

/** The nextCursor of a page that ended at `position`. */
export function zoneReadingsCursor(request: ZoneReadingsRequest, position: ZonePosition): string {
  const cursor: ZoneReadingsCursor = { z: request.query.zoneId, d: position.deviceId, ts: position.ts, s: request.requestedSince };
  return encodeCursor(cursor);
}

function decoded(cursor: string): Parsed<ZoneReadingsCursor> {
  const result = decodeCursor<ZoneReadingsCursor>(cursor, ZoneReadingsCursorSchema);
  return result.ok ? result : { ok: false, issue: result.errors[0] };
}
