import type { AlertRaisedV1Data } from '@pulse/schemas';
import { encodeCursor, JWT_FLEET_CLAIM, type JwtRequestEvent } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { alertStateTable } from '../adapters/alert-state-table';
import { alertsTable } from '../adapters/alerts-table';
import { initialZoneState } from '../domain/zone-state';
import { service } from '../service';
import { makeListAlerts } from './list-alerts';

const T0 = Date.UTC(2026, 0, 1);

function request(query?: Record<string, string>, claims: Record<string, string> | null = { [JWT_FLEET_CLAIM]: 'city-lyon' }): JwtRequestEvent {
  return httpApiEvent({
    method: 'GET',
    path: '/v1/alerts',
    ...(query ? { queryStringParameters: query } : {}),
    ...(claims ? { jwtClaims: claims } : {}),
  }) as unknown as JwtRequestEvent;
}

describe('GET /v1/alerts', () => {
  let db: LocalDynamoDb;
  let listAlerts: ReturnType<typeof makeListAlerts>;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    const tables = await db.createTables(service.tables ?? []);
    const alerts = alertsTable(db.documentClient, tables.Alerts);
    const states = alertStateTable(db.documentClient, tables.AlertState);
    await states.save(initialZoneState('city-lyon', 'presquile'));
    await states.save(initialZoneState('city-lyon', 'quiet-zone'));
    for (const [fleetId, count] of [['city-lyon', 5], ['city-paris', 2]] as const) {
      for (let i = 0; i < count; i++) {
        const data: AlertRaisedV1Data = {
          alertId: `${fleetId}:zone-aqi:presquile:${T0 + i}`,
          kind: 'zone-aqi',
          fleetId,
          zoneId: 'presquile',
          level: 'Unhealthy',
          severity: 3,
          aqi: 160,
          dominant: 'pm25',
          firstTs: T0 + i,
          lastTs: T0 + i,
          readingIds: [`s-1@${T0 + i}`],
          raisedAt: T0 + i * 1000,
        };
        await alerts.apply({ key: `AlertRaised:${data.alertId}`, type: 'AlertRaised', data, owner: 'o', leaseUntil: 0 });
      }
    }
    listAlerts = makeListAlerts({ alerts, states });
  });
  afterAll(() => db.close());

  const call = async (event: JwtRequestEvent) => {
    const response = await listAlerts(event, lambdaContext());
    return { status: response.statusCode, body: JSON.parse(response.body ?? 'null') };
  };

  it("pages through the caller's fleet only, newest first", async () => {
    // Act
    const first = await call(request({ limit: '2' }));
    const second = await call(request({ limit: '2', cursor: first.body.nextCursor }));
    const third = await call(request({ limit: '2', cursor: second.body.nextCursor }));
    // Assess
    expect(first.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items, ...third.body.items].map((a: { alertId: string }) => a.alertId);
    expect(ids).toEqual([4, 3, 2, 1, 0].map((i) => `city-lyon:zone-aqi:presquile:${T0 + i}`));
    expect(third.body.nextCursor).toBeNull();
    expect(first.body.items[0]).toMatchObject({ status: 'open', zoneId: 'presquile', fleetId: 'city-lyon' });
  });

  it('filters by zone and status; a known zone without alerts is an empty list', async () => {
    // Act
    const open = await call(request({ zoneId: 'presquile', status: 'open' }));
    const resolved = await call(request({ status: 'resolved' }));
    const quiet = await call(request({ zoneId: 'quiet-zone' }));
    // Assess
    expect(open.body.items).toHaveLength(5);
    expect(resolved.body).toEqual({ items: [], nextCursor: null });
    expect(quiet).toEqual({ status: 200, body: { items: [], nextCursor: null } });
  });

  it('answers 404 for a zone alert has never seen, even one of another fleet', async () => {
    // Act
    const unknown = await call(request({ zoneId: 'nowhere' }));
    const foreign = await call(request({ zoneId: 'presquile' }, { [JWT_FLEET_CLAIM]: 'city-nice' }));
    // Assess
    expect(unknown).toEqual({ status: 404, body: { error: { code: 'NotFound', message: 'Zone nowhere not found' } } });
    expect(foreign.status).toBe(404);
  });

  it('answers 403 without a fleet claim', async () => {
    // Act
    const missing = await call(request(undefined, null));
    const malformed = await call(request(undefined, { [JWT_FLEET_CLAIM]: 'Not A Fleet' }));
    // Assess
    expect(missing.status).toBe(403);
    expect(malformed.status).toBe(403);
  });

  it.each([
    [{ limit: '0' }, 'limit', 'minimum'],
    [{ limit: '1001' }, 'limit', 'maximum'],
    [{ limit: 'ten' }, 'limit', 'type'],
    [{ status: 'closed' }, 'status', 'enum'],
    [{ zoneId: 'bad zone!' }, 'zoneId', 'pattern'],
    [{ zone: 'presquile' }, 'zone', 'additionalProperties'],
    [{ cursor: 'abc+/==' }, 'cursor', 'cursor'],
    [{ cursor: encodeCursor({ fleetId: 'city-lyon', alertKey: 1 }) }, 'cursor', 'cursor'],
  ])('answers 400 naming the parameter for %j', async (query, path, rule) => {
    // Act
    const response = await call(request(query));
    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path, rule })]);
  });

  it("rejects another fleet's cursor, or one from another list", async () => {
    // Prepare
    const paris = await call(request({ limit: '1' }, { [JWT_FLEET_CLAIM]: 'city-paris' }));
    const lyonByStatus = await call(request({ limit: '1', status: 'open' }));
    // Act
    const crossFleet = await call(request({ cursor: paris.body.nextCursor }));
    const crossList = await call(request({ cursor: lyonByStatus.body.nextCursor }));
    // Assess
    expect(crossFleet.status).toBe(400);
    expect(crossList.body.errors).toEqual([{ path: 'cursor', rule: 'cursor', message: 'cursor does not match this list' }]);
  });
});
