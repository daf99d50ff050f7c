import {
  badRequest,
  dynamoDbDocumentClient,
  encodeCursor,
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
import type { ReadingsReader } from '../domain/ports';
import { retentionFloor } from '../domain/reading-item';
import { fromReadingItem } from '../domain/stored-reading';
import { deviceReadingsQuery } from '../http/device-readings-request';
import { READINGS_TABLE_ENV } from '../tables';

export interface GetDeviceReadingsDeps {
  readonly readings: ReadingsReader;
  readonly clock: Clock;
  readonly retentionDays: number;
}

/** GET /v1/devices/{deviceId}/readings: the caller's fleet only, newest first, paged by an opaque cursor. */
export function makeGetDeviceReadings(deps: GetDeviceReadingsDeps): HandlerCore<JwtRequestEvent, HttpResult> {
  return async (event) => {
    const fleetId = fleetOf(event);
    if (fleetId === undefined) return forbidden(`the token carries no valid custom:fleet claim`);
    const floor = retentionFloor(deps.clock.now(), deps.retentionDays);
    const request = deviceReadingsQuery(event, fleetId, floor);
    if (!request.ok) return badRequest(request.errors);
    const query = request.value;
    const page = await deps.readings.deviceReadings(query);
    // An empty first page is 404 only when the fleet has no reading of the device at all.
    if (page.items.length === 0 && query.before === undefined && !(await deps.readings.hasDeviceReadings(fleetId, query.deviceId, floor))) {
      return notFound(`device ${query.deviceId} has no readings`);
    }
    const next = page.next === undefined ? null : encodeCursor({ d: query.deviceId, ts: page.next });
    return listResponse(page.items.map(fromReadingItem), next);
  };
}

const live = lazy(() =>
  makeGetDeviceReadings({
    readings: readingsTable(dynamoDbDocumentClient({ tracer: powertools.tracer }), requiredEnv(READINGS_TABLE_ENV)),
    clock: systemClock,
    retentionDays: retentionDaysFrom(),
  }),
);

/** The core with the real client, built on first call from the environment. */
export const getDeviceReadings: HandlerCore<JwtRequestEvent, HttpResult> = (event, context) => live()(event, context);

export const handler = wrapHandler(getDeviceReadings, powertools);
