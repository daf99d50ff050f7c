import {
  badRequest,
  dynamoDbDocumentClient,
  fleetOf,
  forbidden,
  listResponse,
  notFound,
  requiredEnv,
  systemClock,
  wrapHandler,
  type Clock,
  type HandlerCore,
  type HttpResult,
  type JwtRequestEvent,
  lazy,
} from '@pulse/service-kit';
import { readingsTable } from '../adapters/readings-table';
import { powertools } from '../commons/powertools';
import { retentionDaysFrom } from '../commons/retention-config';
import type { ZoneReadingsReader } from '../domain/ports';
import { retentionFloor } from '../domain/reading-item';
import { fromReadingItem } from '../domain/stored-reading';
import { zoneReadingsCursor, zoneReadingsQuery } from '../http/zone-readings-request';
import { READINGS_TABLE_ENV } from '../tables';

export interface GetZoneReadingsDeps {
  readonly readings: ZoneReadingsReader;
  readonly clock: Clock;
  readonly retentionDays: number;
}

/** GET /v1/zones/{zoneId}/readings: the caller's fleet only, newest first, the last hour unless asked otherwise. */
export function makeGetZoneReadings(deps: GetZoneReadingsDeps): HandlerCore<JwtRequestEvent, HttpResult> {
  return async (event) => {
    const fleetId = fleetOf(event);
    if (fleetId === undefined) return forbidden(`the token carries no valid custom:fleet claim`);
    const now = deps.clock.now();
    const floor = retentionFloor(now, deps.retentionDays);
    const request = zoneReadingsQuery(event, fleetId, now, floor);
    if (!request.ok) return badRequest(request.errors);
    const { query } = request.value;
    const page = await deps.readings.zoneReadings(query);
    // As for devices: an empty first page is 404 only when the fleet has no reading in the zone at all.
    if (page.items.length === 0 && query.before === undefined && !(await deps.readings.hasZoneReadings(fleetId, query.zoneId, floor))) {
      return notFound(`zone ${query.zoneId} has no readings`);
    }
    const next = page.next === undefined ? null : zoneReadingsCursor(request.value, page.next);
    return listResponse(page.items.map(fromReadingItem), next);
  };
}

const live = lazy(() =>
  makeGetZoneReadings({
    readings: readingsTable(dynamoDbDocumentClient({ tracer: powertools.tracer }), requiredEnv(READINGS_TABLE_ENV)),
    clock: systemClock,
    retentionDays: retentionDaysFrom(),
  }),
);

/** The core with the real client, built on first call from the environment. */
export const getZoneReadings: HandlerCore<JwtRequestEvent, HttpResult> = (event, context) => live()(event, context);

export const handler = wrapHandler(getZoneReadings, powertools);
