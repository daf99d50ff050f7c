import { encodeCursor, fixedClock, type HttpResult, type JwtRequestEvent } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { readingsTable } from '../adapters/readings-table';
import { readingsWriter } from '../adapters/readings-writer';
import { toReadingItem } from '../domain/reading-item';
import { READINGS_TABLE } from '../tables';
import { getDeviceReadings, makeGetDeviceReadings } from './get-device-readings';

const NOW = T0 + 3_600_000;
const DAY = 86_400_000;

function request(deviceId: string, query?: Record<string, string>, claims: Record<string, string> | null = { 'custom:fleet': 'city-lyon' }) {
  return httpApiEvent({
    method: 'GET',
    path: '/v1/devices/{deviceId}/readings',
    pathParameters: { deviceId },
    ...(query ? { queryStringParameters: query } : {}),
    ...(claims ? { jwtClaims: claims } : {}),
  }) as unknown as JwtRequestEvent;
}

const body = (response: HttpResult) => JSON.parse(response.body ?? 'null');

describe('GET /v1/devices/{deviceId}/readings', () => {
  let db: LocalDynamoDb;
  let call: (event: JwtRequestEvent) => Promise<HttpResult>;
  let tableName: string;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([READINGS_TABLE])).Readings;
    const table = readingsTable(db.documentClient, tableName);
    const stamps = { receivedAt: T0, storedAt: T0, retentionDays: 30 };
    const readings = [
      ...Array.from({ length: 25 }, (_, i) => enrichedReading({ deviceId: 'sensor-1', ts: T0 - i * 60_000 })),
      enrichedReading({ deviceId: 'sensor-1', ts: NOW - 40 * DAY }),
      enrichedReading({ deviceId: 'expired-only', ts: NOW - 40 * DAY }),
    ];
    const writer = readingsWriter(db.client, tableName);
    await writer.putAll(readings.map((r) => toReadingItem('city-lyon', r, stamps)));
    await writer.putAll([toReadingItem('city-paris', enrichedReading({ deviceId: 'paris-1' }), stamps)]);
    const core = makeGetDeviceReadings({ readings: table, clock: fixedClock(NOW), retentionDays: 30 });
    call = (event) => core(event, lambdaContext());
  });
  afterAll(() => db.close());

  it('pages a device’s readings newest first with an opaque cursor until nextCursor is null', async () => {
    // Prepare
    const pages: { items: { readingId: string; ts: number }[]; nextCursor: string | null }[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const response = await call(request('sensor-1', { limit: '10', ...(cursor ? { cursor } : {}) }));
      expect(response.statusCode).toBe(200);
      pages.push(body(response));
      cursor = pages[pages.length - 1].nextCursor ?? undefined;
    } while (cursor);

    // Assess
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    const ts = pages.flatMap((p) => p.items.map((i) => i.ts));
    expect(ts).toEqual(Array.from({ length: 25 }, (_, i) => T0 - i * 60_000));
    expect(pages[0].items[0]).toMatchObject({ readingId: `sensor-1@${T0}`, deviceId: 'sensor-1', zoneId: 'presquile', aqi: { value: 59 }, storedAt: T0 });
  });

  it('filters by from and to, as epoch ms or RFC 3339', async () => {
    // Act
    const response = await call(request('sensor-1', { from: String(T0 - 2 * 60_000), to: new Date(T0 - 60_000).toISOString() }));

    // Assess
    expect(body(response)).toEqual({ items: [expect.objectContaining({ ts: T0 - 60_000 }), expect.objectContaining({ ts: T0 - 120_000 })], nextCursor: null });
  });

  it('never shows readings past retention, even before TTL deletes them', async () => {
    // Act
    const all = body(await call(request('sensor-1', { from: '0', limit: '1000' })));
    const expiredOnly = await call(request('expired-only'));

    // Assess
    expect(all.items).toHaveLength(25);
    expect(expiredOnly.statusCode).toBe(404);
  });

  it('answers an empty range of a known device with an empty list', async () => {
    // Act
    const response = await call(request('sensor-1', { from: String(NOW) }));

    // Assess
    expect([response.statusCode, body(response)]).toEqual([200, { items: [], nextCursor: null }]);
  });

  it('answers 404 for an unknown device and for another fleet’s device', async () => {
    // Act
    const unknown = await call(request('nobody'));
    const otherFleet = await call(request('paris-1'));

    // Assess
    expect([unknown.statusCode, otherFleet.statusCode]).toEqual([404, 404]);
    expect(body(otherFleet).error.code).toBe('NotFound');
  });

  it('answers 403 without a valid fleet claim', async () => {
    // Act
    const missing = await call(request('sensor-1', undefined, null));
    const malformed = await call(request('sensor-1', undefined, { 'custom:fleet': 'Not A Fleet' }));

    // Assess
    expect([missing.statusCode, malformed.statusCode]).toEqual([403, 403]);
  });

  it.each([
    ['limit', { limit: '0' }, 'minimum'],
    ['limit', { limit: '1001' }, 'maximum'],
    ['limit', { limit: 'ten' }, 'type'],
    ['from', { from: 'yesterday' }, 'format'],
    ['to', { to: '2026-02-30T00:00:00Z' }, 'format'],
    ['from', { from: String(T0), to: String(T0 - 1) }, 'range'],
    ['cursor', { cursor: 'abc+/==' }, 'cursor'],
    ['cursor', { cursor: encodeCursor({ pk: 'city-paris#paris-1', ts: T0 }) }, 'cursor'],
    ['cursor', { cursor: encodeCursor({ d: 'sensor-2', ts: T0 }) }, 'cursor'],
    ['cursor', { cursor: encodeCursor({ d: 'sensor-1', ts: T0 }), to: String(T0 - DAY) }, 'cursor'],
  ])('answers 400 naming %s for %j', async (parameter, query, rule) => {
    // Act
    const response = await call(request('sensor-1', query));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(body(response).errors).toEqual([expect.objectContaining({ path: parameter, rule })]);
  });

  it('answers 400 naming deviceId for a malformed id', async () => {
    // Act
    const response = await call(request('bad id!'));

    // Assess
    expect(body(response)).toMatchObject({ error: { code: 'ValidationError' }, errors: [{ path: 'deviceId' }] });
  });

  it('serves live readings through the handler wired from the environment', async () => {
    // Prepare
    process.env.AWS_ENDPOINT_URL_DYNAMODB = db.endpoint;
    process.env.PULSE_TABLE_READINGS = tableName;
    const now = Date.now();
    await readingsWriter(db.client, tableName).putAll([toReadingItem('city-lyon', enrichedReading({ deviceId: 'live-1', ts: now }), { receivedAt: now, storedAt: now, retentionDays: 30 })]);

    // Act
    const response = await getDeviceReadings(request('live-1'), lambdaContext());

    // Assess
    expect(body(response)).toEqual({ items: [expect.objectContaining({ readingId: `live-1@${now}` })], nextCursor: null });
  });
});
