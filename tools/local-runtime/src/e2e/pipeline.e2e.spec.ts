import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createCity, incidentWindow, realClock, registerDevices, runSimulation, scenario } from '@pulse/simulator';
import { startLocalRuntime, type LocalRuntime } from '../local-runtime';
import { asOperator, asSensor, call, eventually, readingAt, registerDevice, storedReadings } from './e2e-client';

const ROOT = resolve(__dirname, '../../../..');
const TIME_SCALE = 60;
const FREE_PORTS = { api: 0, dashboard: 0, bus: 0, sqs: 0, dynamodb: 0, kinesis: 0, s3: 0 };

let runtime: LocalRuntime;
let state: string;
let token: string;
const logs: string[] = [];

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), 'pulse-runtime-e2e-'));
  runtime = await startLocalRuntime({
    root: ROOT,
    stateDirectory: state,
    ports: FREE_PORTS,
    timeScale: TIME_SCALE,
    channelRetryDelayMs: 50,
    log: (line) => logs.push(line),
  });
  token = runtime.endpoints.operatorToken;
}, 60_000);

afterAll(async () => {
  await runtime?.close({ drainMs: 5_000 });
  rmSync(state, { recursive: true, force: true });
}, 30_000);

const now = () => runtime.time.clock.now();

describe('the local runtime, end to end', () => {
  it('answers /health once ready, serves the OpenAPI document and writes the endpoints file', async () => {
    const health = await call(runtime.endpoints, '/health');
    const openApi = await call<{ openapi: string; paths: Record<string, unknown> }>(runtime.endpoints, '/openapi.json');
    const written = JSON.parse(require('node:fs').readFileSync(join(state, 'endpoints.json'), 'utf8')) as Record<string, string>;

    expect(health.status).toBe(200);
    expect(openApi.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(openApi.body.paths)).toEqual(expect.arrayContaining(['/v1/readings', '/v1/zones', '/v1/alerts']));
    expect(Object.keys(written).sort()).toEqual(['api', 'apiKey', 'dashboard', 'dynamodb', 'eventbridge', 'kinesis', 'operatorToken', 'region', 's3', 'sqs']);
    expect(written.api).toBe(runtime.endpoints.api);
  });

  it('stores every reading accepted over HTTP, enriched with the zone of its registered device', async () => {
    // Prepare: a device registered through ingest; enrich learns it from DeviceRegistered
    expect((await registerDevice(runtime.endpoints, 'e2e-http-1', 'riverside')).status).toBe(201);
    await eventually('enrich to learn the device', async () => {
      const probe = await call<{ readingIds: string[] }>(runtime.endpoints, '/v1/readings', {
        method: 'POST',
        headers: asSensor(runtime.endpoints),
        body: JSON.stringify(readingAt('e2e-http-1', now() - 1_000)),
      });
      const [readingId] = probe.body.readingIds;
      return eventually('the probe reading', async () => (await storedReadings(runtime.endpoints, token, 'e2e-http-1')).find((r) => r.readingId === readingId), 10_000).then(
        (stored) => (stored.zoneId === 'riverside' ? stored : undefined),
      );
    });

    // Act
    const readings = Array.from({ length: 20 }, (_, i) => readingAt('e2e-http-1', now() - 60_000 + i * 1_000, 5 + i));
    const accepted = await call<{ accepted: number; readingIds: string[] }>(runtime.endpoints, '/v1/readings', {
      method: 'POST',
      headers: asSensor(runtime.endpoints),
      body: JSON.stringify({ readings }),
    });

    // Assess
    expect(accepted.status).toBe(202);
    expect(accepted.body.accepted).toBe(20);
    const stored = await eventually('all 20 readings stored', async () => {
      const items = await storedReadings(runtime.endpoints, token, 'e2e-http-1');
      return accepted.body.readingIds.every((id) => items.some((item) => item.readingId === id)) ? items : undefined;
    });
    for (const id of accepted.body.readingIds) {
      const matches = stored.filter((item) => item.readingId === id);
      expect(matches).toHaveLength(1);
      expect(matches[0]).toEqual(expect.objectContaining({ zoneId: 'riverside', aqi: expect.objectContaining({ value: expect.any(Number), category: expect.any(String) }) }));
    }
  }, 60_000);

  it('answers bad input with a 4xx naming the field and the rule, and stores nothing of it', async () => {
    const post = (body: string, headers: Record<string, string>) => call<{ error: { code: string }; errors?: Array<{ path: string; rule: string }> }>(runtime.endpoints, '/v1/readings', { method: 'POST', headers, body });

    const negative = await post(JSON.stringify(readingAt('e2e-bad-1', now(), -3)), asSensor(runtime.endpoints));
    const malformed = await post('{"deviceId": "e2e-bad-1", ', asSensor(runtime.endpoints));
    const noKey = await post(JSON.stringify(readingAt('e2e-bad-1', now())), { 'content-type': 'application/json' });
    const wrongType = await post('deviceId=e2e-bad-1', asSensor(runtime.endpoints, 'application/x-www-form-urlencoded'));
    const future = await post(JSON.stringify(readingAt('e2e-bad-1', now() + 3_600_000)), asSensor(runtime.endpoints));

    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('measurements.pm25'), rule: 'minimum' })]));
    expect(malformed.status).toBe(400);
    expect(noKey.status).toBe(401);
    expect(wrongType.status).toBe(415);
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('timestamp'), rule: 'timestampWindow' })]));
    expect(await storedReadings(runtime.endpoints, token, 'e2e-bad-1')).toEqual([]);
  }, 30_000);

  it('stores readings arriving through the Kinesis stream and through S3 drops', async () => {
    // Prepare
    await registerDevice(runtime.endpoints, 'e2e-kinesis-1', 'harbour');
    await registerDevice(runtime.endpoints, 'e2e-s3-1', 'harbour');
    const kinesis = new KinesisClient({
      endpoint: runtime.endpoints.kinesis,
      region: runtime.endpoints.region,
      credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
      requestHandler: new NodeHttpHandler(),
    });
    const s3 = new S3Client({
      endpoint: runtime.endpoints.s3,
      region: runtime.endpoints.region,
      credentials: runtime.channels.s3Credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const viaKinesis = [0, 1, 2].map((i) => readingAt('e2e-kinesis-1', now() - 30_000 + i * 1_000));
    const viaS3 = [0, 1, 2].map((i) => readingAt('e2e-s3-1', now() - 30_000 + i * 1_000));

    // Act
    await kinesis.send(
      new PutRecordsCommand({
        StreamName: runtime.channels.streams['Readings'],
        Records: [{ PartitionKey: 'gateway-e2e', Data: Buffer.from(JSON.stringify({ fleetId: runtime.fleetId, readings: viaKinesis })) }],
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: runtime.channels.buckets['Drops'],
        Key: `incoming/${runtime.fleetId}/e2e-drop.ndjson`,
        Body: viaS3.map((r) => JSON.stringify(r)).join('\n'),
      }),
    );
    kinesis.destroy();
    s3.destroy();

    // Assess
    await eventually('3 Kinesis readings stored', async () => ((await storedReadings(runtime.endpoints, token, 'e2e-kinesis-1')).length === 3 ? true : undefined));
    await eventually('3 S3 readings stored', async () => ((await storedReadings(runtime.endpoints, token, 'e2e-s3-1')).length === 3 ? true : undefined));
  }, 60_000);

  it('raises a zone alert during the incident scenario and resolves it after', async () => {
    // Prepare: a small city on the pipeline's clock, incident after one simulated minute for three
    const city = createCity({ zones: 2, devices: 12, seed: 7 });
    const target = { endpoint: runtime.endpoints.api, apiKey: runtime.endpoints.apiKey };
    const registered = await registerDevices(city, target);
    expect(registered.failed).toEqual([]);
    const run = scenario('incident', now() + 30_000, { incidentDelayMs: 60_000, incidentDurationMs: 3 * 60_000, faults: { malformed: 0, duplicate: 0 } });
    const incident = incidentWindow(city, run)!;
    const controller = new AbortController();

    // Act
    const sending = runSimulation({ city, scenario: run, target, clock: realClock, rate: 500, timeScale: TIME_SCALE, signal: controller.signal });
    const alerts = (status?: string) =>
      call<{ items: Array<{ status: string; zoneId: string; level: string }> }>(runtime.endpoints, `/v1/alerts?zoneId=${incident.zoneId}${status ? `&status=${status}` : ''}`, {
        headers: asOperator(token),
      });
    try {
      const raised = await eventually('AlertRaised for the incident zone', async () => (await alerts('open')).body.items[0], 40_000);
      const resolved = await eventually('AlertResolved for the incident zone', async () => (await alerts('resolved')).body.items[0], 60_000);

      // Assess
      expect(raised).toEqual(expect.objectContaining({ zoneId: incident.zoneId, status: 'open' }));
      expect(resolved).toEqual(expect.objectContaining({ zoneId: incident.zoneId, status: 'resolved' }));
      expect((await alerts('open')).body.items).toEqual([]);
    } finally {
      controller.abort();
      await sending;
    }
  }, 120_000);

  it('speaks the AWS wire protocols: the AWS CLI lists the tables, puts an event and reads a dead-letter queue', async () => {
    // Asynchronous: the servers answering the CLI run in this very process.
    const aws = async (...args: string[]) =>
      promisify(execFile)('aws', [...args, '--region', runtime.endpoints.region, '--output', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, AWS_ACCESS_KEY_ID: 'pulse-ingest', AWS_SECRET_ACCESS_KEY: 'local', AWS_PAGER: '' },
      }).then(
        ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ status: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
      );
    if (spawnSync('aws', ['--version']).status !== 0) return void logs.push('AWS CLI not installed: its checks were not run');

    const tables = await aws('dynamodb', 'list-tables', '--endpoint-url', runtime.endpoints.dynamodb);
    // An invalid ReadingsReceived from ingest's identity: transform rejects it, the bus retries, then dead-letters it.
    const entry = { Source: 'pulse.ingest', DetailType: 'ReadingsReceived', EventBusName: 'pulse-local', Detail: JSON.stringify({ metadata: { version: 1 }, data: {} }) };
    const put = await aws('events', 'put-events', '--endpoint-url', runtime.endpoints.eventbridge, '--entries', JSON.stringify([entry]));
    if (put.status !== 0) throw new Error(`aws events put-events failed: ${put.stderr}`);

    expect(tables.status).toBe(0);
    expect((JSON.parse(tables.stdout) as { TableNames: string[] }).TableNames).toEqual(expect.arrayContaining(['pulse-local-Fleets', 'pulse-local-Readings']));
    expect(put.status).toBe(0);
    expect((JSON.parse(put.stdout) as { FailedEntryCount: number }).FailedEntryCount).toBe(0);
    const dead = await eventually(
      'the invalid event in transform-dlq',
      async () => {
        const url = `${runtime.endpoints.sqs}/000000000000/transform-dlq`;
        const received = await aws('sqs', 'receive-message', '--endpoint-url', runtime.endpoints.sqs, '--queue-url', url, '--message-attribute-names', 'All');
        expect(received.status).toBe(0);
        return received.stdout.trim() === '' ? undefined : (JSON.parse(received.stdout) as { Messages: Array<{ Body: string; MessageAttributes: Record<string, { StringValue: string }> }> });
      },
      60_000,
      500,
    );
    expect(dead.Messages[0].Body).toContain('ReadingsReceived');
    expect(dead.Messages[0].MessageAttributes['ERROR_MESSAGE']?.StringValue ?? '').toMatch(/invalid/i);
  }, 90_000);
});
