import type { HttpResult, JwtRequestEvent } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { T0 } from '../__fixtures__/enriched-readings';
import { zoneStatusTable } from '../adapters/zone-status-table';
import { zoneStatusWriter } from '../adapters/zone-status-writer';
import { ZONE_STATUS_TABLE } from '../tables';
import { listZones, makeListZones } from './list-zones';

function request(query?: Record<string, string>, claims: Record<string, string> | null = { 'custom:fleet': 'city-lyon' }) {
  return httpApiEvent({ method: 'GET', path: '/v1/zones', ...(query ? { queryStringParameters: query } : {}), ...(claims ? { jwtClaims: claims } : {}) }) as unknown as JwtRequestEvent;
}
const body = (response: HttpResult) => JSON.parse(response.body ?? 'null');

describe('GET /v1/zones', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  let call: (event: JwtRequestEvent) => Promise<HttpResult>;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([ZONE_STATUS_TABLE])).ZoneStatus;
    const table = zoneStatusTable(db.documentClient, tableName);
    const writer = zoneStatusWriter(db.client, tableName);
    const status = (fleetId: string, zoneId: string, aqi: number) =>
      writer.putIfNewer({ fleetId, zoneId, aqi, category: aqi > 100 ? 'Unhealthy for Sensitive Groups' : 'Moderate', dominant: 'pm25', updatedAt: T0, readingId: `s-${zoneId}@${T0}`, deviceId: `s-${zoneId}`, storedAt: T0 + 1 });
    await Promise.all([status('city-lyon', 'confluence', 120), status('city-lyon', 'presquile', 59), status('city-lyon', 'vaise', 70), status('city-paris', 'marais', 80)]);
    const core = makeListZones({ zoneStatus: table });
    call = (event) => core(event, lambdaContext());
  });
  afterAll(() => db.close());

  it('lists the latest status of each of the caller’s zones, and only theirs', async () => {
    // Act
    const response = await call(request());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(body(response)).toEqual({
      items: [
        { zoneId: 'confluence', aqi: 120, category: 'Unhealthy for Sensitive Groups', dominant: 'pm25', updatedAt: T0, readingId: `s-confluence@${T0}`, deviceId: 's-confluence' },
        expect.objectContaining({ zoneId: 'presquile', aqi: 59 }),
        expect.objectContaining({ zoneId: 'vaise' }),
      ],
      nextCursor: null,
    });
  });

  it('pages with an opaque cursor', async () => {
    // Act
    const first = body(await call(request({ limit: '2' })));
    const second = body(await call(request({ limit: '2', cursor: first.nextCursor })));

    // Assess
    expect(first.items.map((z: { zoneId: string }) => z.zoneId)).toEqual(['confluence', 'presquile']);
    expect(second).toEqual({ items: [expect.objectContaining({ zoneId: 'vaise' })], nextCursor: null });
  });

  it('answers a fleet with no zone yet with an empty list', async () => {
    // Act / Assess
    expect(body(await call(request(undefined, { 'custom:fleet': 'fleet-new' })))).toEqual({ items: [], nextCursor: null });
  });

  it('answers 403 without a fleet claim and 400 naming a bad parameter', async () => {
    // Act
    const noClaim = await call(request(undefined, null));
    const badLimit = await call(request({ limit: '5000' }));
    const badCursor = await call(request({ cursor: 'e30' }));

    // Assess
    expect(noClaim.statusCode).toBe(403);
    expect(body(badLimit).errors).toEqual([expect.objectContaining({ path: 'limit', rule: 'maximum' })]);
    expect(body(badCursor).errors).toEqual([expect.objectContaining({ path: 'cursor', rule: 'cursor' })]);
  });

  it('serves through the handler wired from the environment', async () => {
    // Prepare
    process.env.AWS_ENDPOINT_URL_DYNAMODB = db.endpoint;
    process.env.PULSE_TABLE_ZONE_STATUS = tableName;

    // Act
    const response = await listZones(request({ limit: '1' }), lambdaContext());

    // Assess
    expect(body(response).items).toEqual([expect.objectContaining({ zoneId: 'confluence' })]);
  });
});
