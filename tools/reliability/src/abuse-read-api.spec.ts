import { callApi, type ApiAnswer } from './api-client';
import { eventually, registerDevices, storedReadings } from './devices';
import { isPulseErrorBody } from './error-body';
import { createFleetWithKey } from './fleets';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

// Both fleets use the same zone id: partitioning must hold even where names collide.
const OTHER_FLEET = 'reliability-neighbour';
const ZONE = 'shared-zone';
const OWN_DEVICE = 'read-own-1';
const OTHER_DEVICE = 'read-other-1';

let under: RuntimeUnderTest;
let ownToken: string;
let otherToken: string;
let ownReadingIds: string[];
let otherReadingIds: string[];

const api = () => under.runtime.endpoints.api;
const get = (path: string, token?: string): Promise<ApiAnswer> => callApi(api(), path, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
const routes = () => [`/v1/devices/${OWN_DEVICE}/readings`, '/v1/zones', `/v1/zones/${ZONE}/readings`, '/v1/alerts'];

/** Readings of a registered device, once enrich knows its zone (so zones and alerts see them). */
async function sendUntilZoned(key: string, token: string, deviceId: string, pm25: number[]): Promise<string[]> {
  const now = under.runtime.time.clock.now();
  await eventually(`enrich to place ${deviceId} in its zone`, async () => {
    const probe = await callApi(api(), '/v1/readings', {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId, timestamp: under.runtime.time.clock.now() - 200_000, measurements: { pm25: 5 } }),
    });
    const [id] = (probe.body as { readingIds: string[] }).readingIds;
    const stored = await eventually(`probe ${id}`, async () => (await storedReadings(api(), token, deviceId)).find((r) => r.readingId === id), 10_000);
    return stored.zoneId === ZONE ? true : undefined;
  }, 45_000);
  const readings = pm25.map((value, i) => ({ deviceId, timestamp: now - 60_000 + i * 10_000, measurements: { pm25: value } }));
  const answer = await callApi(api(), '/v1/readings', { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify({ readings }) });
  if (answer.status !== 202) throw new Error(`readings of ${deviceId}: ${answer.status} ${answer.text}`);
  return (answer.body as { readingIds: string[] }).readingIds;
}

beforeAll(async () => {
  under = await startRuntimeUnderTest();
  const otherKey = (await createFleetWithKey(under.runtime, OTHER_FLEET)).key;
  ownToken = under.runtime.endpoints.operatorToken;
  otherToken = under.runtime.mintToken(OTHER_FLEET);
  await registerDevices(api(), under.runtime.endpoints.apiKey, [OWN_DEVICE], ZONE);
  await registerDevices(api(), otherKey, [OTHER_DEVICE], ZONE);
  // The own fleet's zone goes Unhealthy (pm2.5 150 µg/m³ → AQI ~200) long enough to raise an alert.
  ownReadingIds = await sendUntilZoned(under.runtime.endpoints.apiKey, ownToken, OWN_DEVICE, [150, 150, 150, 150]);
  otherReadingIds = await sendUntilZoned(otherKey, otherToken, OTHER_DEVICE, [4, 5]);
  await eventually('the own fleet’s alert', async () => ((await get('/v1/alerts', ownToken)).body as { items: unknown[] }).items[0], 45_000);
  await eventually('the other fleet’s readings stored', async () => {
    const stored = (await storedReadings(api(), otherToken, OTHER_DEVICE)).map((r) => r.readingId);
    return otherReadingIds.every((id) => stored.includes(id)) ? true : undefined;
  }, 45_000);
}, 180_000);

afterAll(async () => {
  await under?.stop();
}, 30_000);

describe('the read API lets no one in without a valid operator token', () => {
  it.each([
    ['no token', () => undefined],
    ['a malformed token', () => 'not-a-jwt'],
    ['an expired token', () => under.runtime.mintToken(under.runtime.fleetId, { expired: true })],
    ['a token whose fleet claim was edited', () => withClaim(ownToken, 'custom:fleet', OTHER_FLEET)],
    ['a token signed by someone else', () => `${ownToken.split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`],
  ])('%s → 401 on every read route', async (_case, token) => {
    const answers = await Promise.all(routes().map((route) => get(route, token())));

    expect(answers.map((answer) => answer.status)).toEqual(routes().map(() => 401));
    for (const answer of answers) expect(answer.body).toEqual({ message: 'Unauthorized' });
  });

  it('a valid token without a usable fleet claim → 403 with a Pulse error body on every read route', async () => {
    const token = under.runtime.mintToken('Not A Fleet');

    const answers = await Promise.all(routes().map((route) => get(route, token)));

    expect(answers.map((answer) => answer.status)).toEqual(routes().map(() => 403));
    for (const answer of answers) expect(isPulseErrorBody(answer.body) && answer.body.error.code).toBe('Forbidden');
  });
});

describe('the read API never shows a fleet another fleet’s data', () => {
  it('the owner sees its device, zone and alert (the control)', async () => {
    const device = await get(`/v1/devices/${OWN_DEVICE}/readings?limit=100`, ownToken);
    const zones = await get('/v1/zones', ownToken);
    const alerts = await get('/v1/alerts', ownToken);

    expect((device.body as { items: Array<{ readingId: string }> }).items.map((r) => r.readingId)).toEqual(expect.arrayContaining(ownReadingIds));
    expect((zones.body as { items: Array<{ zoneId: string }> }).items.map((z) => z.zoneId)).toContain(ZONE);
    expect((alerts.body as { items: Array<{ zoneId: string; fleetId?: string }> }).items).toEqual([expect.objectContaining({ zoneId: ZONE })]);
  });

  it('another fleet’s token gets 404 for the device, and only its own readings in the zone of the same name', async () => {
    const device = await get(`/v1/devices/${OWN_DEVICE}/readings`, otherToken);
    const zone = await get(`/v1/zones/${ZONE}/readings?limit=100`, otherToken);

    expect(device.status).toBe(404);
    expect(isPulseErrorBody(device.body)).toBe(true);
    const seen = (zone.body as { items: Array<{ readingId: string; deviceId: string }> }).items;
    expect(seen.filter((r) => ownReadingIds.includes(r.readingId) || r.deviceId === OWN_DEVICE)).toEqual([]);
    expect(seen.map((r) => r.readingId)).toEqual(expect.arrayContaining(otherReadingIds));
  });

  it('another fleet’s token sees its own zone status and no alert: the owner’s Unhealthy status and alert stay invisible', async () => {
    const zones = (await get('/v1/zones', otherToken)).body as { items: Array<{ zoneId: string; aqi?: { value: number } }> };
    const alerts = (await get('/v1/alerts', otherToken)).body as { items: unknown[] };
    const openAlerts = (await get('/v1/alerts?status=open', otherToken)).body as { items: unknown[] };

    expect(zones.items.filter((z) => z.zoneId === ZONE).every((z) => (z.aqi?.value ?? 0) < 100)).toBe(true);
    expect(alerts.items).toEqual([]);
    expect(openAlerts.items).toEqual([]);
  });

  it('a cursor taken from one fleet’s list does not open another fleet’s pages', async () => {
    const page = (await get(`/v1/devices/${OWN_DEVICE}/readings?limit=1`, ownToken)).body as { nextCursor: string | null };
    expect(page.nextCursor).not.toBeNull();

    const replayed = await get(`/v1/devices/${OWN_DEVICE}/readings?limit=1&cursor=${encodeURIComponent(page.nextCursor!)}`, otherToken);

    // The cursor only positions within the caller's own partition: an empty page, never the owner's readings.
    expect(replayed.status).toBe(200);
    expect((replayed.body as { items: unknown[] }).items).toEqual([]);
  });
});

/** The token with one claim changed and the original signature kept (what a forger can do). */
function withClaim(token: string, claim: string, value: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, [claim]: value })).toString('base64url')}.${signature}`;
}
