import {
  JWT_FLEET_CLAIM,
  badRequest,
  fleetOf,
  lazy,
  forbidden,
  listResponse,
  notFound,
  wrapHandler,
  type HandlerCore,
  type HttpResult,
  type JwtRequestEvent,
} from '@pulse/service-kit';
import { decodeAlertCursor, encodeAlertCursor } from '../adapters/alert-cursor';
import type { AlertsTable } from '../adapters/alerts-table';
import { listPorts } from '../adapters/list-ports';
import { powertools } from '../commons/powertools';
import { parseListQuery } from '../domain/list-query';
import type { ZoneStateStore } from '../domain/ports';

export interface ListAlertsDeps {
  readonly alerts: AlertsTable;
  readonly states: Pick<ZoneStateStore, 'load'>;
}


/** GET /v1/alerts: the caller's fleet comes from the JWT's custom:fleet claim, never from the query. */
export function makeListAlerts({ alerts, states }: ListAlertsDeps) {
  const listAlerts: HandlerCore<JwtRequestEvent, HttpResult> = async (event) => {
    const fleetId = fleetOf(event);
    if (fleetId === undefined) return forbidden(`the token carries no valid '${JWT_FLEET_CLAIM}' claim`);
    const query = parseListQuery(event.queryStringParameters);
    if (!query.ok) return badRequest(query.errors);
    const { status, zoneId, limit, cursor } = query.value;
    const start = cursor === undefined ? undefined : decodeAlertCursor(cursor, { fleetId, status, zoneId });
    if (start && !start.ok) return badRequest(start.errors);
    // A zone alert has evaluated at least once has an AlertState item; any other is unknown.
    if (zoneId !== undefined && !(await states.load(fleetId, [zoneId])).has(zoneId)) return notFound(`Zone ${zoneId} not found`);
    const page = await alerts.list({ fleetId, status, zoneId, limit, ...(start?.ok ? { start: start.value } : {}) });
    return listResponse(page.items, page.next ? encodeAlertCursor(page.next) : null);
  };
  return listAlerts;
}

const core = lazy(() => makeListAlerts(listPorts(powertools)));

export const handler = wrapHandler<JwtRequestEvent, HttpResult>((event, context) => core()(event, context), powertools);
