import { randomBytes } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { callApi, type ApiAnswer, type ApiRequest } from './api-client';
import { channelClients, type ChannelClients } from './channel-clients';
import { eventually, registerDevices, storedReadings } from './devices';
import { createFleetWithKey, withFleetAdmin } from './fleets';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';
import { findLeaks, type ScannedText, type Secret } from './secret-scan';

// A mixed workload (good, bad and unauthorized requests, a rotated key, every token variant,
// bad Kinesis records and S3 lines), then every line any function or the runtime wrote, every
// answer and every report is searched for the keys, the tokens and a marker put in the bodies.
const SECOND_FLEET = 'reliability-secrets';
const OWN_DEVICE = 'secret-own-1';
const SECOND_DEVICE = 'secret-second-1';
const MARKER = `MARKER${randomBytes(16).toString('hex')}`;

let under: RuntimeUnderTest;
let clients: ChannelClients;
const answers: ScannedText[] = [];
const secrets: Secret[] = [{ name: 'the body marker', value: MARKER }];

const api = () => under.runtime.endpoints.api;
const now = () => under.runtime.time.clock.now();
const secret = (name: string, value: string) => (secrets.push({ name, value }), value);

/** Every answer is kept for the scan: its headers and its body. */
async function call(path: string, request: ApiRequest = {}): Promise<ApiAnswer> {
  const answer = await callApi(api(), path, request);
  const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  answers.push({ source: `${request.method ?? 'GET'} ${path} → ${answer.status}`, text: `${headers}\n\n${answer.text}` });
  return answer;
}

const post = (key: string | undefined, body: string, contentType = 'application/json') =>
  call('/v1/readings', { method: 'POST', headers: { 'content-type': contentType, ...(key === undefined ? {} : { 'x-api-key': key }) }, body });
const valid = (deviceId: string, ageMs: number) => JSON.stringify({ deviceId, timestamp: now() - ageMs, measurements: { pm25: 7 } });

beforeAll(async () => {
  under = await startRuntimeUnderTest();
  clients = channelClients(under.runtime);
  secret('the default fleet’s admin key', under.runtime.endpoints.apiKey);
  const second = secret('the second fleet’s key', (await createFleetWithKey(under.runtime, SECOND_FLEET)).key);
  await registerDevices(api(), under.runtime.endpoints.apiKey, [OWN_DEVICE]);
  await registerDevices(api(), second, [SECOND_DEVICE]);
}, 60_000);

afterAll(async () => {
  clients?.destroy();
  await under?.stop();
}, 30_000);

describe('logs and error bodies carry no API key, no token and no request body', () => {
  it('runs the mixed workload (every request answered as expected)', async () => {
    const own = under.runtime.endpoints.apiKey;
    const second = secrets.find((s) => s.name === 'the second fleet’s key')!.value;
    const statuses: Record<string, number> = {};
    const expectStatus = async (what: string, answer: Promise<ApiAnswer>) => void (statuses[what] = (await answer).status);

    // A rotated key: the old one used before and after the rotation (a cached allow), the new one after.
    const { oldKey, oldKeyId } = await withFleetAdmin(under.runtime, async (admin) => {
      const issued = await admin.createKey(under.runtime.fleetId, 'ingest');
      return { oldKey: secret('a key later rotated', issued.key), oldKeyId: issued.record.keyId };
    });
    await expectStatus('old key before rotation', post(oldKey, valid(OWN_DEVICE, 1_000)));
    const newKey = await withFleetAdmin(under.runtime, async (admin) => secret('the rotated key', (await admin.rotateKey(under.runtime.fleetId, oldKeyId, 0)).key));
    await expectStatus('rotated key', post(newKey, valid(OWN_DEVICE, 2_000)));
    const revoked = await withFleetAdmin(under.runtime, async (admin) => {
      const issued = await admin.createKey(SECOND_FLEET, 'admin');
      await admin.revokeKey(SECOND_FLEET, issued.record.keyId);
      return secret('a revoked key', issued.key);
    });
    const unknown = secret('an unknown key', `pulse_${randomBytes(32).toString('base64url')}`);

    // Good requests.
    await expectStatus('good, own fleet', post(own, JSON.stringify({ readings: [JSON.parse(valid(OWN_DEVICE, 3_000))] })));
    await expectStatus('good, second fleet', post(second, valid(SECOND_DEVICE, 3_000)));
    // Bad requests, the marker in values only (field names are echoed in paths by design).
    await expectStatus('unknown field', post(own, JSON.stringify({ ...JSON.parse(valid(OWN_DEVICE, 4_000)), note: MARKER })));
    await expectStatus('string measurement', post(own, JSON.stringify({ deviceId: OWN_DEVICE, timestamp: now(), measurements: { pm25: MARKER } })));
    await expectStatus('string timestamp', post(own, JSON.stringify({ deviceId: OWN_DEVICE, timestamp: MARKER, measurements: { pm25: 1 } })));
    await expectStatus('broken JSON', post(own, `{"deviceId":"${OWN_DEVICE}","note":"${MARKER}",`));
    await expectStatus('broken NDJSON', post(own, `${valid(OWN_DEVICE, 5_000)}\n{"note":"${MARKER}"\n`, 'application/x-ndjson'));
    await expectStatus('forbidden key', post(own, `{"__proto__":{"note":"${MARKER}"},"readings":[]}`));
    await expectStatus('wrong content type', post(own, `note=${MARKER}`, 'text/plain'));
    await expectStatus('oversized', post(own, JSON.stringify({ readings: [], note: MARKER.repeat(30_000) })));
    await expectStatus('device with unknown field', call(`/v1/devices/${OWN_DEVICE}`, {
      method: 'PUT',
      headers: { 'x-api-key': own, 'content-type': 'application/json' },
      body: JSON.stringify({ zoneId: 'z', location: { lat: 1, lon: 1 }, model: 'M', note: MARKER }),
    }));
    // Unauthorized requests.
    await expectStatus('no key', post(undefined, JSON.stringify({ note: MARKER })));
    await expectStatus('unknown key', post(unknown, JSON.stringify({ note: MARKER })));
    await expectStatus('revoked key', post(revoked, JSON.stringify({ note: MARKER })));
    await expectStatus('another fleet’s device', post(second, valid(OWN_DEVICE, 6_000)));
    await expectStatus('old key after rotation (cached allow)', post(oldKey, valid(OWN_DEVICE, 7_000)));

    // Every token variant on every read route.
    const tokens: Record<string, string> = {
      valid: secret('the operator token', under.runtime.endpoints.operatorToken),
      expired: secret('an expired token', under.runtime.mintToken(under.runtime.fleetId, { expired: true })),
      'another fleet': secret('another fleet’s token', under.runtime.mintToken(SECOND_FLEET)),
      'no fleet': secret('a token without a fleet', under.runtime.mintToken('Not A Fleet')),
      forged: secret('a forged token', `${under.runtime.endpoints.operatorToken.split('.').slice(0, 2).join('.')}.${randomBytes(64).toString('base64url')}`),
    };
    for (const [name, token] of Object.entries(tokens)) {
      for (const route of [`/v1/devices/${OWN_DEVICE}/readings`, '/v1/zones', `/v1/zones/z/readings`, '/v1/alerts']) {
        await expectStatus(`${name} token ${route}`, call(route, { headers: { authorization: `Bearer ${token}` } }));
      }
    }

    expect(statuses).toEqual(
      expect.objectContaining({
        'old key before rotation': 202,
        'rotated key': 202,
        'good, own fleet': 202,
        'good, second fleet': 202,
        'unknown field': 400,
        'string measurement': 400,
        'string timestamp': 400,
        'broken JSON': 400,
        'broken NDJSON': 400,
        'forbidden key': 400,
        'wrong content type': 415,
        oversized: 413,
        'device with unknown field': 400,
        'no key': 401,
        'unknown key': 403,
        'revoked key': 403,
        'another fleet’s device': 403,
        'old key after rotation (cached allow)': 202,
        'valid token /v1/zones': 200,
        'expired token /v1/zones': 401,
        'another fleet token /v1/zones': 200,
        'no fleet token /v1/zones': 403,
        'forged token /v1/zones': 401,
      }),
    );
  }, 60_000);

  it('sends bad Kinesis records and an S3 drop with bad lines, all carrying the marker', async () => {
    const goodReading = JSON.parse(valid(OWN_DEVICE, 8_000)) as unknown;
    const records = [
      `{"fleetId":"default","readings":[{"deviceId":"${OWN_DEVICE}","note":"${MARKER}"}]}`,
      `{"fleetId":"default","note":"${MARKER}","readings":[]}`,
      `{"fleetId":"default","readings":["${MARKER}"`,
      JSON.stringify({ fleetId: 'default', readings: [goodReading] }),
    ];
    await clients.kinesis.send(new PutRecordsCommand({ StreamName: clients.streamName, Records: records.map((data) => ({ Data: Buffer.from(data), PartitionKey: 'secrets' })) }));
    const drop = [valid(OWN_DEVICE, 9_000), `{"deviceId":"${OWN_DEVICE}","timestamp":"${MARKER}","measurements":{"pm25":1}}`, `{"note":"${MARKER}"`].join('\n');
    await clients.s3.send(new PutObjectCommand({ Bucket: clients.bucket, Key: 'incoming/default/secrets.ndjson', Body: drop }));

    // The Kinesis stream starts at LATEST: resend until the poller has taken a batch.
    const goodId = `${OWN_DEVICE}@${(goodReading as { timestamp: number }).timestamp}`;
    await eventually('the Kinesis records handled', async () => {
      if ((await storedReadings(api(), under.runtime.endpoints.operatorToken, OWN_DEVICE)).some((r) => r.readingId === goodId)) return true;
      await clients.kinesis.send(new PutRecordsCommand({ StreamName: clients.streamName, Records: records.map((data) => ({ Data: Buffer.from(data), PartitionKey: 'secrets' })) }));
      return undefined;
    }, 30_000, 1_500);
    const report = await eventually('the drop report', async () =>
      clients.s3.send(new GetObjectCommand({ Bucket: clients.bucket, Key: 'reports/default/secrets.ndjson.json' })).then((object) => object.Body!.transformToString(), () => undefined),
    );
    answers.push({ source: 'S3 report reports/default/secrets.ndjson.json', text: report });
    expect(JSON.parse(report)).toEqual(expect.objectContaining({ accepted: 1, rejectedCount: 2 }));
  }, 60_000);

  it('found none of them in any function log line, runtime log line, answer or report', async () => {
    await eventually('the pipeline idle', async () => (under.runtime.bus.dispatcher.stats().pending === 0 ? true : undefined));
    const reports = await clients.s3.send(new ListObjectsV2Command({ Bucket: clients.bucket, Prefix: 'reports/' }));
    expect(reports.KeyCount).toBeGreaterThan(0);

    const texts: ScannedText[] = [
      ...under.functionLog.map(({ functionName, line }) => ({ source: `function ${functionName}`, text: line })),
      ...under.log.map((line) => ({ source: 'runtime log', text: line })),
      ...answers,
    ];

    // The scan is not vacuous: the refusals and rejections were logged, by key id only.
    const authorizerLines = under.functionLog.filter((entry) => entry.functionName === 'authorize-api-key' && entry.line.includes('api key refused'));
    expect(authorizerLines.length).toBeGreaterThanOrEqual(2);
    expect(authorizerLines.every((entry) => /"keyId":"[0-9a-f]{12}"/.test(entry.line))).toBe(true);
    expect(under.functionLog.some((entry) => entry.functionName === 'receive-kinesis-readings' && entry.line.includes('malformed kinesis record skipped'))).toBe(true);
    expect(findLeaks(texts, secrets)).toEqual([]);
  }, 30_000);
});
