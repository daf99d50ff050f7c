import {
  badRequest,
  dynamoDbDocumentClient,
  encodeCursor,
  fleetOf,
  forbidden,
  listResponse,
  requiredEnv,
  wrapHandler,
  type HandlerCore,
  type HttpResult,
  type JwtRequestEvent,
  lazy,
} from '@pulse/service-kit';
import { zoneStatusTable } from '../adapters/zone-status-table';
import { powertools } from '../commons/powertools';
import type { ZoneStatusReader } from '../domain/ports';
import type { ZoneStatus } from '../domain/zone-status';
import { zonesQuery } from '../http/zones-request';
import { ZONE_STATUS_TABLE_ENV } from '../tables';

export interface ListZonesDeps {
  readonly zoneStatus: ZoneStatusReader;
}

/** GET /v1/zones: the latest status of every zone of the caller's fleet, by zone id. */
export function makeListZones(deps: ListZonesDeps): HandlerCore<JwtRequestEvent, HttpResult> {
  return async (event) => {
    const fleetId = fleetOf(event);
    if (fleetId === undefined) return forbidden(`the token carries no valid custom:fleet claim`);
    const request = zonesQuery(event);
    if (!request.ok) return badRequest(request.errors);
    const page = await deps.zoneStatus.list(fleetId, request.value.limit, request.value.after);
    return listResponse(page.items.map(toBody), page.next === undefined ? null : encodeCursor({ z: page.next }));
  };
}

function toBody({ zoneId, aqi, category, dominant, updatedAt, readingId, deviceId }: ZoneStatus) {
  return { zoneId, aqi, category, dominant, updatedAt, readingId, deviceId };
}

const live = lazy(() =>
  makeListZones({ zoneStatus: zoneStatusTable(dynamoDbDocumentClient({ tracer: powertools.tracer }), requiredEnv(ZONE_STATUS_TABLE_ENV)) }),
);

/** The core with the real client, built on first call from the environment. */
export const listZones: HandlerCore<JwtRequestEvent, HttpResult> = (event, context) => live()(event, context);

export const handler = wrapHandler(listZones, powertools);
