import { encodeCursor, manualClock, type HttpResult, type JwtRequestEvent } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext } from '@pulse/service-kit/testing';
import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { inMemoryZoneReadings } from '../__fixtures__/in-memory-tables';
import { toReadingItem } from '../domain/reading-item';
import { makeGetZoneReadings } from './get-zone-readings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = T0 + HOUR;
const stamps = { receivedAt: T0, storedAt: T0 + 5, retentionDays: 30 };

function request(zoneId: string, query?: Record<string, string>, claims: Record<string, string> | null = { 'custom:fleet': 'city-lyon' }) {
  return httpApiEvent({
    method: 'GET',
    path: '/v1/zones/{zoneId}/readings',
    pathParameters: { zoneId },
    ...(query ? { queryStringParameters: query } : {}),
    ...(claims ? { jwtClaims: claims } : {}),
  }) as unknown as JwtRequestEvent;
}

const body = (response: HttpResult) => JSON.parse(response.body ?? 'null');

describe('GET /v1/zones/{zoneId}/readings (core, fake zone index)', () => {
  // Prepare (shared): 'presquile' has two devices reporting every 10 min over the last 2 h, one
  // 40-day-old reading; 'ghost' has only that expired reading; Paris has its own 'presquile'.
  const lyon = [
    ...['s-1', 's-2'].flatMap((deviceId) => Array.from({ length: 13 }, (_, i) => enrichedReading({ deviceId, ts: NOW - i * 10 * MINUTE, zoneId: 'presquile' }))),
    enrichedReading({ deviceId: 's-1', ts: NOW - 40 * DAY, zoneId: 'presquile' }),
    enrichedReading({ deviceId: 's-3', ts: NOW - 40 * DAY, zoneId: 'ghost' }),
  ].map((r) => toReadingItem('city-lyon', r, stamps));
  const paris = [toReadingItem('city-paris', enrichedReading({ deviceId: 'p-1', ts: NOW, zoneId: 'presquile' }), stamps)];
  const clock = manualClock(NOW);
  let zoneIndex: ReturnType<typeof inMemoryZoneReadings>;
  let call: (event: JwtRequestEvent) => Promise<HttpResult>;

  beforeEach(() => {
    clock.set(NOW);
    zoneIndex = inMemoryZoneReadings([...lyon, ...paris]);
    const core = makeGetZoneReadings({ readings: zoneIndex.reader, clock, retentionDays: 30 });
    call = (event) => core(event, lambdaContext());
  });

  it('serves the last hour by the clock by default, newest first, as the device route shapes readings', async () => {
    // Act
    const response = await call(request('presquile'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(zoneIndex.queries).toEqual([{ fleetId: 'city-lyon', zoneId: 'presquile', since: NOW - HOUR, until: NOW, limit: 100 }]);
    const page = body(response);
    expect(page.nextCursor).toBeNull();
    expect(page.items).toHaveLength(14);
    expect(page.items[0]).toEqual({
      readingId: `s-2@${NOW}`,
      deviceId: 's-2',
      ts: NOW,
      registered: true,
      zoneId: 'presquile',
      location: { lat: 45.7578, lon: 4.832 },
      measurements: { pm25: 13.1, pm10: 20.1, temperature: 18.5, humidity: 54 },
      aqi: { value: 59, category: 'Moderate', dominant: 'pm25', subIndices: { pm25: 59, pm10: 19 } },
      quality: [],
      receivedAt: T0,
      storedAt: T0 + 5,
    });
  });

  it('takes since and until as RFC 3339 or epoch ms, inclusive', async () => {
    // Act
    const response = await call(request('presquile', { since: new Date(NOW - 30 * MINUTE).toISOString(), until: String(NOW - 20 * MINUTE) }));

    // Assess
    expect(body(response).items.map((i: { readingId: string }) => i.readingId)).toEqual([
      `s-2@${NOW - 20 * MINUTE}`,
      `s-1@${NOW - 20 * MINUTE}`,
      `s-2@${NOW - 30 * MINUTE}`,
      `s-1@${NOW - 30 * MINUTE}`,
    ]);
  });

  it('keeps the first page’s window in the cursor, so the last hour does not slide while a client pages', async () => {
    // Prepare
    const first = body(await call(request('presquile', { limit: '10' })));
    clock.advance(30 * MINUTE);

    // Act
    const second = await call(request('presquile', { limit: '10', cursor: first.nextCursor }));

    // Assess
    expect(second.statusCode).toBe(200);
    expect(zoneIndex.queries[1]).toMatchObject({ since: NOW - HOUR, until: NOW + 30 * MINUTE, before: { ts: NOW - 40 * MINUTE, deviceId: 's-1' } });
    expect(body(second)).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(body(second).items.map((i: { ts: number }) => i.ts)).toEqual([NOW - 50 * MINUTE, NOW - 50 * MINUTE, NOW - HOUR, NOW - HOUR]);
  });

  it('raises since to the retention floor: expired readings never show', async () => {
    // Act
    const all = body(await call(request('presquile', { since: '0', limit: '1000' })));
    const ghost = await call(request('ghost', { since: '0' }));

    // Assess
    expect(zoneIndex.queries[0].since).toBe(NOW - 30 * DAY);
    expect(all.items).toHaveLength(26);
    expect(ghost.statusCode).toBe(404);
  });

  it('answers an empty window of a known zone with an empty list', async () => {
    // Act
    const response = await call(request('presquile', { since: String(NOW - 3 * DAY), until: String(NOW - 2 * DAY) }));

    // Assess
    expect([response.statusCode, body(response)]).toEqual([200, { items: [], nextCursor: null }]);
  });

  it('answers 404 for a zone the fleet has no reading in, even when another fleet has that zone', async () => {
    // Act
    const unknown = await call(request('nowhere'));
    const parisOnly = await call(request('presquile', undefined, { 'custom:fleet': 'city-nice' }));

    // Assess
    expect([unknown.statusCode, parisOnly.statusCode]).toEqual([404, 404]);
    expect(body(unknown)).toEqual({ error: { code: 'NotFound', message: 'zone nowhere has no readings' } });
  });

  it('shows a fleet only its own readings of a zone id other fleets use too', async () => {
    // Act
    const response = await call(request('presquile', undefined, { 'custom:fleet': 'city-paris' }));

    // Assess
    expect(body(response).items.map((i: { readingId: string }) => i.readingId)).toEqual([`p-1@${NOW}`]);
  });

  it('answers 403 without a valid fleet claim, before touching the table', async () => {
    // Act
    const missing = await call(request('presquile', undefined, null));
    const malformed = await call(request('presquile', undefined, { 'custom:fleet': 'Not A Fleet' }));

    // Assess
    expect([missing.statusCode, malformed.statusCode]).toEqual([403, 403]);
    expect(body(missing).error.code).toBe('Forbidden');
    expect(zoneIndex.queries).toEqual([]);
  });

  const cursorOf = (over: Partial<{ z: string; d: string; ts: number; s: number }>) => encodeCursor({ z: 'presquile', d: 's-1', ts: NOW - 10 * MINUTE, s: NOW - HOUR, ...over });

  it.each([
    ['zoneId', 'pattern', 'a malformed zone id', 'bad zone!', {}],
    ['limit', 'minimum', 'limit 0', 'presquile', { limit: '0' }],
    ['limit', 'maximum', 'limit 1001', 'presquile', { limit: '1001' }],
    ['limit', 'type', 'a fractional limit', 'presquile', { limit: '1.5' }],
    ['since', 'format', 'since in words', 'presquile', { since: 'an hour ago' }],
    ['until', 'format', 'an impossible date', 'presquile', { until: '2026-13-01T00:00:00Z' }],
    ['since', 'range', 'since after until', 'presquile', { since: String(NOW), until: String(NOW - 1) }],
    ['since', 'range', 'since after the default until (now)', 'presquile', { since: String(NOW + 1) }],
    ['cursor', 'cursor', 'a cursor that does not decode', 'presquile', { cursor: 'not a cursor' }],
    ['cursor', 'cursor', 'a device list’s cursor', 'presquile', { cursor: encodeCursor({ d: 's-1', ts: NOW }) }],
    ['cursor', 'cursor', 'another zone’s cursor', 'presquile', { cursor: cursorOf({ z: 'vaise' }) }],
    ['cursor', 'cursor', 'a cursor naming a key of another fleet', 'presquile', { cursor: cursorOf({ d: 'city-paris#p-1' }) }],
    ['cursor', 'cursor', 'a cursor with another since', 'presquile', { cursor: cursorOf({}), since: String(NOW - 2 * HOUR) }],
    ['cursor', 'cursor', 'a cursor after until', 'presquile', { cursor: cursorOf({}), until: String(NOW - HOUR + 1) }],
    ['cursor', 'cursor', 'a cursor before since', 'presquile', { cursor: cursorOf({ ts: NOW - 2 * HOUR }) }],
  ] as const)('answers 400 naming %s (%s) for %s', async (parameter, rule, _case, zoneId, query) => {
    // Act
    const response = await call(request(zoneId, query));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(body(response)).toMatchObject({ error: { code: 'ValidationError' }, errors: [{ path: parameter, rule }] });
    expect(body(response).errors).toHaveLength(1);
    expect(zoneIndex.queries).toEqual([]);
  });

  it('names every bad parameter at once', async () => {
    // Act
    const response = await call(request('bad zone!', { limit: '-1', since: 'x', until: 'y' }));

    // Assess
    expect(body(response).errors.map((e: { path: string }) => e.path)).toEqual(['zoneId', 'limit', 'since', 'until']);
  });
});
