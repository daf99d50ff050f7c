import { Type } from '@sinclair/typebox';
import { ZoneIdSchema, type ValidationIssue } from '@pulse/schemas';
import { ALERT_STATUSES, type AlertStatus } from './alert-item';

export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;

/** The query string of GET /v1/alerts, as documented in the OpenAPI description. */
export const ListAlertsQuerySchema = Type.Object({
  status: Type.Optional(Type.Union(ALERT_STATUSES.map((s) => Type.Literal(s)), { description: 'open or resolved; both when omitted' })),
  zoneId: Type.Optional({ ...ZoneIdSchema, description: "only this zone's alerts; 404 when alert has never seen the zone" }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT, description: 'page size' })),
  cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page (opaque)' })),
});

export interface ListAlertsQuery {
  readonly status?: AlertStatus;
  readonly zoneId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

const ZONE_ID = new RegExp(ZoneIdSchema.pattern as string);
const KNOWN = new Set(['status', 'zoneId', 'limit', 'cursor']);

/** Parses the query string; every problem is reported at once, each naming its parameter. */
export function parseListQuery(
  params: Readonly<Record<string, string | undefined>> | undefined,
): { ok: true; value: ListAlertsQuery } | { ok: false; errors: ValidationIssue[] } {
  const query = params ?? {};
  const errors: ValidationIssue[] = [];
  for (const name of Object.keys(query)) {
    if (!KNOWN.has(name)) errors.push({ path: name, rule: 'additionalProperties', message: `unknown parameter '${name}' (allowed: status, zoneId, limit, cursor)` });
  }
  const { status, zoneId, limit, cursor } = query;
  if (status !== undefined && !(ALERT_STATUSES as readonly string[]).includes(status)) {
    errors.push({ path: 'status', rule: 'enum', message: "must be 'open' or 'resolved'" });
  }
  if (zoneId !== undefined && !ZONE_ID.test(zoneId)) {
    errors.push({ path: 'zoneId', rule: 'pattern', message: "must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'" });
  }
  const size = limit === undefined ? DEFAULT_LIST_LIMIT : /^[0-9]{1,7}$/.test(limit) ? Number(limit) : NaN;
  if (!(size >= 1 && size <= MAX_LIST_LIMIT)) {
    const rule = Number.isNaN(size) ? 'type' : size < 1 ? 'minimum' : 'maximum';
    errors.push({ path: 'limit', rule, message: `must be an integer from 1 to ${MAX_LIST_LIMIT}` });
  }
  if (cursor !== undefined && cursor === '') errors.push({ path: 'cursor', rule: 'cursor', message: 'cursor is not a valid cursor' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      limit: size,
      ...(status ? { status: status as AlertStatus } : {}),
      ...(zoneId ? { zoneId } : {}),
      ...(cursor ? { cursor } : {}),
    },
  };
}
