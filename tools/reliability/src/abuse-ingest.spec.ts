import { callApi, type ApiAnswer } from './api-client';
import { watchReadingsReceived, type BusWatch } from './bus-watch';
import { eventually, registerDevices, storedReadings } from './devices';
import { isPulseErrorBody, type PulseErrorBody } from './error-body';
import { createFleetWithKey, withFleetAdmin } from './fleets';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

const OTHER_FLEET = 'reliability-other';
const OWN_DEVICE = 'abuse-own-1';
const OTHER_DEVICE = 'abuse-other-1';

let under: RuntimeUnderTest;
let watch: BusWatch;
let otherKey: string;
let ingestOnlyKey: string;

beforeAll(async () => {
  under = await startRuntimeUnderTest();
  otherKey = (await createFleetWithKey(under.runtime, OTHER_FLEET, 'admin')).key;
  ingestOnlyKey = await withFleetAdmin(under.runtime, async (admin) => (await admin.createKey(under.runtime.fleetId, 'ingest')).key);
  await registerDevices(under.runtime.endpoints.api, under.runtime.endpoints.apiKey, [OWN_DEVICE]);
  await registerDevices(under.runtime.endpoints.api, otherKey, [OTHER_DEVICE]);
  watch = watchReadingsReceived(under.runtime);
}, 60_000);

afterAll(async () => {
  watch?.stop();
  await under?.stop();
}, 30_000);

const api = () => under.runtime.endpoints.api;
const now = () => under.runtime.time.clock.now();
const reading = (deviceId: string, ageMs = 1_000) => ({ deviceId, timestamp: now() - ageMs, measurements: { pm25: 9, humidity: 40 } });
const postReadings = (key: string | undefined, body: unknown): Promise<ApiAnswer> =>
  callApi(api(), '/v1/readings', { method: 'POST', headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'x-api-key': key }) }, body: JSON.stringify(body) });

describe('ingest lets no one in without a valid key', () => {
  it('answers a missing or empty key 401, before any function runs', async () => {
    const before = under.runtime.runner.stats()['authorize-api-key']?.invocations ?? 0;

    const missing = await postReadings(undefined, reading(OWN_DEVICE));
    const empty = await postReadings('', reading(OWN_DEVICE));

    expect([missing.status, empty.status]).toEqual([401, 401]);
    expect(missing.body).toEqual({ message: 'Unauthorized' });
    expect(under.runtime.runner.stats()['authorize-api-key']?.invocations ?? 0).toBe(before);
  });

  it('answers an unknown, over-long or revoked key 403 (API Gateway’s answer to an authorizer refusal) and accepts nothing', async () => {
    // Prepare: a key revoked before it is ever presented (a cached allow would outlive revocation by the TTL).
    const revoked = await withFleetAdmin(under.runtime, async (admin) => {
      const issued = await admin.createKey(under.runtime.fleetId, 'admin');
      await admin.revokeKey(under.runtime.fleetId, issued.record.keyId);
      return issued.key;
    });
    const attempts = ['pulse_unknown-key-0000000000000000000000000000', 'k'.repeat(300), revoked, under.runtime.endpoints.apiKey.toUpperCase()];
    const sent = reading(OWN_DEVICE, 2_000);

    // Act
    const answers = await Promise.all(attempts.map((key) => postReadings(key, sent)));

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    for (const answer of answers) expect(answer.body).toEqual({ message: 'Forbidden' });
    expect(watch.received.filter((r) => r.readingId === `${OWN_DEVICE}@${sent.timestamp}`)).toEqual([]);
  });

  it('refuses a key of role ingest on the admin routes with 403 and a Pulse error body', async () => {
    const answer = await callApi(api(), `/v1/devices/${OWN_DEVICE}`, {
      method: 'PUT',
      headers: { 'x-api-key': ingestOnlyKey, 'content-type': 'application/json' },
      body: JSON.stringify({ zoneId: 'elsewhere', location: { lat: 1, lon: 1 }, model: 'PMS7003' }),
    });

    expect(answer.status).toBe(403);
    expect(isPulseErrorBody(answer.body) && answer.body.error.code).toBe('Forbidden');
  });

  it('accepts a rotated key’s successor and refuses the predecessor once its overlap is over', async () => {
    // Prepare: the old key is never presented before the rotation, so no authorizer answer is cached for it.
    const { oldKey, newKey } = await withFleetAdmin(under.runtime, async (admin) => {
      const old = await admin.createKey(under.runtime.fleetId, 'ingest');
      const rotated = await admin.rotateKey(under.runtime.fleetId, old.record.keyId, 0);
      return { oldKey: old.key, newKey: rotated.key };
    });

    const refused = await postReadings(oldKey, reading(OWN_DEVICE, 3_000));
    const accepted = await postReadings(newKey, reading(OWN_DEVICE, 4_000));

    expect([refused.status, accepted.status]).toEqual([403, 202]);
  });
});

describe('ingest lets no fleet write another fleet’s devices', () => {
  const foreignIds: string[] = [];

  it('answers readings only of another fleet’s device 403, naming the reading and the ownership rule', async () => {
    const sent = reading(OTHER_DEVICE, 5_000);
    foreignIds.push(`${OTHER_DEVICE}@${sent.timestamp}`);

    const answer = await postReadings(under.runtime.endpoints.apiKey, { readings: [sent] });

    expect(answer.status).toBe(403);
    const body = answer.body as PulseErrorBody;
    expect(body.error.code).toBe('Forbidden');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'readings[0].deviceId', rule: 'ownership' })]);
  });

  it('accepts a mix per item: its own device’s reading 202, the other fleet’s rejected with rule ownership', async () => {
    const own = reading(OWN_DEVICE, 6_000);
    const foreign = reading(OTHER_DEVICE, 6_000);
    foreignIds.push(`${OTHER_DEVICE}@${foreign.timestamp}`);

    const answer = await postReadings(under.runtime.endpoints.apiKey, { readings: [own, foreign] });

    expect(answer.status).toBe(202);
    const body = answer.body as { readingIds: string[]; rejected: Array<{ index: number; errors: Array<{ path: string; rule: string }> }> };
    expect(body.readingIds).toEqual([`${OWN_DEVICE}@${own.timestamp}`]);
    expect(body.rejected).toEqual([{ index: 1, errors: [expect.objectContaining({ path: 'deviceId', rule: 'ownership' })] }]);
  });

  it('never published another fleet’s device under this fleet, and its owner’s data holds none of those readings', async () => {
    await eventually('own readings stored', async () => ((await storedReadings(api(), under.runtime.endpoints.operatorToken, OWN_DEVICE)).length > 0 ? true : undefined), 45_000);
    const otherToken = under.runtime.mintToken(OTHER_FLEET);

    expect(watch.received.filter((r) => r.deviceId === OTHER_DEVICE || foreignIds.includes(r.readingId))).toEqual([]);
    expect((await storedReadings(api(), otherToken, OTHER_DEVICE)).filter((r) => foreignIds.includes(r.readingId))).toEqual([]);
  }, 60_000);

  it('cannot re-register (409) or retire (404) another fleet’s device', async () => {
    const headers = { 'x-api-key': under.runtime.endpoints.apiKey, 'content-type': 'application/json' };

    const put = await callApi(api(), `/v1/devices/${OTHER_DEVICE}`, { method: 'PUT', headers, body: JSON.stringify({ zoneId: 'hijacked', location: { lat: 0, lon: 0 }, model: 'X' }) });
    const del = await callApi(api(), `/v1/devices/${OTHER_DEVICE}`, { method: 'DELETE', headers });
    const stillTheirs = await postReadings(otherKey, reading(OTHER_DEVICE, 7_000));

    expect([put.status, del.status]).toEqual([409, 404]);
    expect(stillTheirs.status).toBe(202);
  });
});
