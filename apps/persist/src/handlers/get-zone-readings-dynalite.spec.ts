import { fixedClock, type HttpResult, type JwtRequestEvent } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { readingsTable } from '../adapters/readings-table';
import { readingsWriter } from '../adapters/readings-writer';
import { toReadingItem } from '../domain/reading-item';
import { READINGS_TABLE } from '../tables';
import { makeGetDeviceReadings } from './get-device-readings';
import { getZoneReadings, makeGetZoneReadings } from './get-zone-readings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = T0 + HOUR;

function request(path: string, pathParameters: Record<string, string>, query?: Record<string, string>, fleetId = 'city-lyon') {
  return httpApiEvent({
    method: 'GET',
    path,
    pathParameters,
    ...(query ? { queryStringParameters: query } : {}),
    jwtClaims: { 'custom:fleet': fleetId },
  }) as unknown as JwtRequestEvent;
}
const zone = (zoneId: string, query?: Record<string, string>, fleetId?: string) => request('/v1/zones/{zoneId}/readings', { zoneId }, query, fleetId);
const body = (response: HttpResult) => JSON.parse(response.body ?? 'null');
type Page = { items: { readingId: string; ts: number; zoneId: string }[]; nextCursor: string | null };

describe('GET /v1/zones/{zoneId}/readings on dynalite', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  let call: (event: JwtRequestEvent) => Promise<HttpResult>;
  let callDevice: (event: JwtRequestEvent) => Promise<HttpResult>;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([READINGS_TABLE])).Readings;
    const table = readingsTable(db.documentClient, tableName);
    const stamps = { receivedAt: T0, storedAt: T0 + 7, retentionDays: 30 };
    // Three devices of 'confluence' reporting on the same five-minute marks for 90 minutes; an
    // unzoned device; Paris uses the zone id 'confluence' too.
    const confluence = ['c-1', 'c-2', 'c-3'].flatMap((deviceId) => Array.from({ length: 19 }, (_, i) => enrichedReading({ deviceId, ts: NOW - i * 5 * MINUTE, zoneId: 'confluence' })));
    const writer = readingsWriter(db.client, tableName);
    await writer.putAll([...confluence, enrichedReading({ deviceId: 'stray', ts: NOW, zoneId: null })].map((r) => toReadingItem('city-lyon', r, stamps)));
    await writer.putAll([toReadingItem('city-paris', enrichedReading({ deviceId: 'p-1', ts: NOW, zoneId: 'confluence' }), stamps)]);
    const deps = { readings: table, clock: fixedClock(NOW), retentionDays: 30 };
    const core = makeGetZoneReadings(deps);
    const deviceCore = makeGetDeviceReadings(deps);
    call = (event) => core(event, lambdaContext());
    callDevice = (event) => deviceCore(event, lambdaContext());
  });
  afterAll(() => db.close());

  it('pages the zone’s last hour newest first through the index until nextCursor is null, every reading once', async () => {
    // Prepare
    const pages: Page[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const response = await call(zone('confluence', { limit: '8', ...(cursor ? { cursor } : {}) }));
      expect(response.statusCode).toBe(200);
      pages.push(body(response));
      cursor = pages[pages.length - 1].nextCursor ?? undefined;
    } while (cursor && pages.length < 20);

    // Assess: 13 five-minute marks in [now − 1 h, now], three devices each
    expect(pages.map((p) => p.items.length)).toEqual([8, 8, 8, 8, 7]);
    const items = pages.flatMap((p) => p.items);
    const expected = Array.from({ length: 13 }, (_, i) => NOW - i * 5 * MINUTE).flatMap((ts) => ['c-1', 'c-2', 'c-3'].map((d) => `${d}@${ts}`));
    expect(items.map((i) => i.readingId).sort()).toEqual(expected.sort());
    expect(items.map((i) => i.ts)).toEqual(items.map((i) => i.ts).sort((a, b) => b - a));
    expect(items.every((i) => i.zoneId === 'confluence')).toBe(true);
  });

  it('serves exactly the item the device route serves for the same reading', async () => {
    // Prepare
    const ts = String(NOW - 10 * MINUTE);

    // Act
    const byZone: Page = body(await call(zone('confluence', { since: ts, until: ts })));
    const byDevice: Page = body(await callDevice(request('/v1/devices/{deviceId}/readings', { deviceId: 'c-2' }, { from: ts, to: ts })));

    // Assess
    expect(byZone.items).toHaveLength(3);
    expect(byZone.items.find((i) => i.readingId === `c-2@${ts}`)).toEqual(byDevice.items[0]);
    expect(byDevice.items[0]).toMatchObject({ registered: true, location: { lat: 45.7578, lon: 4.832 }, receivedAt: T0, storedAt: T0 + 7 });
  });

  it('keeps fleets apart on a shared zone id, and answers 404 for a zone the fleet has no reading in', async () => {
    // Act
    const paris: Page = body(await call(zone('confluence', undefined, 'city-paris')));
    const unknown = await call(zone('nowhere'));
    const lyonOnly = await call(zone('confluence', undefined, 'city-nice'));

    // Assess
    expect(paris).toEqual({ items: [expect.objectContaining({ readingId: `p-1@${NOW}` })], nextCursor: null });
    expect([unknown.statusCode, lyonOnly.statusCode]).toEqual([404, 404]);
  });

  it('serves live readings through the handler wired from the environment', async () => {
    // Prepare
    process.env.AWS_ENDPOINT_URL_DYNAMODB = db.endpoint;
    process.env.PULSE_TABLE_READINGS = tableName;
    const now = Date.now();
    const stamps = { receivedAt: now, storedAt: now, retentionDays: 30 };
    await readingsWriter(db.client, tableName).putAll([toReadingItem('city-lyon', enrichedReading({ deviceId: 'live-1', ts: now - 1000, zoneId: 'live-zone' }), stamps)]);

    // Act
    const response = await getZoneReadings(zone('live-zone'), lambdaContext());

    // Assess
    expect(body(response)).toEqual({ items: [expect.objectContaining({ readingId: `live-1@${now - 1000}`, zoneId: 'live-zone' })], nextCursor: null });
  });
});
