import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ReadingsReceivedV1 } from '@pulse/schemas';
import { createPublisher, type ApiKeyAuthorizerContext } from '@pulse/service-kit';
import { fixedClock, httpApiEvent, lambdaContext, sequentialIds, startPutEventsServer, type PutEventsServer } from '@pulse/service-kit/testing';
import { readingsSink } from '../adapters/bus-publishing';
import { createFleetRateLimiter } from '../domain/fleet-rate-limiter';
import { fakeOwnership, recordingLogger, recordingMetrics } from '../testing/fakes';
import { makeReceiveReadings } from './receive-readings';

const NOW = ReadingsReceivedV1.sample.detail.data.receivedAt;
const lyon: ApiKeyAuthorizerContext = { fleetId: 'city-lyon', role: 'ingest' };
// The golden sample's readings, as a sensor sends them (without the readingId ingest adds).
const sent = ReadingsReceivedV1.sample.detail.data.readings.map((r) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== 'readingId')));

describe('POST /v1/readings (receive-readings core, real publisher over the PutEvents wire)', () => {
  let server: PutEventsServer;
  let client: EventBridgeClient;

  beforeAll(async () => {
    server = await startPutEventsServer({
      failEntry: (entry) => (entry.Detail?.includes('"sensor-down"') ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try later' } : undefined),
    });
    client = new EventBridgeClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  function core(limit = { ratePerSecond: 100, burst: 100 }) {
    const metrics = recordingMetrics();
    const receive = makeReceiveReadings({
      clock: fixedClock(NOW),
      ids: sequentialIds('batch'),
      ownership: fakeOwnership({ 'city-lyon': ['sensor-0042', 'sensor-0043', 'sensor-down'] }),
      sink: readingsSink(createPublisher({ client, busName: 'pulse-test', source: 'pulse.ingest', sleep: async () => undefined })),
      limiter: createFleetRateLimiter(limit, fixedClock(NOW)),
      retryAfterSeconds: 5,
      metrics,
      logger: recordingLogger(),
    });
    return { receive, metrics };
  }

  const post = (body: unknown, options: { headers?: Record<string, string>; caller?: ApiKeyAuthorizerContext | null; base64?: boolean } = {}) =>
    httpApiEvent<ApiKeyAuthorizerContext>({
      method: 'POST',
      path: '/v1/readings',
      body,
      headers: { 'x-api-key': 'pulse_k', ...options.headers },
      base64: options.base64,
      ...(options.caller === null ? {} : { authorizerContext: options.caller ?? lyon }),
    });

  it('202: acknowledges what the bus accepted, with readingIds, and publishes the golden sample’s data', async () => {
    // Prepare
    const { receive, metrics } = core();
    const before = server.accepted.length;
    // Act
    const response = await receive(post({ readings: sent }), lambdaContext());
    // Assess
    expect(response.statusCode).toBe(202);
    expect(JSON.parse(response.body ?? '')).toEqual({ batchId: 'batch-1', accepted: 2, readingIds: ['sensor-0042@1714564800000', 'sensor-0043@1714564800500'], rejected: [] });
    const published = server.accepted.slice(before).map((e) => JSON.parse(e.Detail ?? '{}'));
    expect(published).toHaveLength(1);
    expect(ReadingsReceivedV1.validate(published[0]).ok).toBe(true);
    expect(published[0].data).toEqual(ReadingsReceivedV1.sample.detail.data);
    expect(metrics.counts).toEqual({ 'accepted:http': 2 });
  });

  it('202 for NDJSON (base64-encoded by API Gateway), listing the rejected line with its reasons', async () => {
    // Prepare
    const { receive, metrics } = core();
    const ndjson = [JSON.stringify(sent[0]), JSON.stringify({ ...sent[1], measurements: { humidity: 140 } })].join('\n');
    // Act
    const response = await receive(post(ndjson, { headers: { 'content-type': 'application/x-ndjson' }, base64: true }), lambdaContext());
    // Assess
    expect(response.statusCode).toBe(202);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ accepted: 1, rejected: [{ index: 1, errors: [{ path: 'measurements.humidity', rule: 'maximum' }] }] });
    expect(metrics.counts).toEqual({ 'accepted:http': 1, 'rejected:maximum': 1 });
  });

  it('400 in the conventions’ error body, naming line and column of malformed JSON', async () => {
    // Act
    const response = await core().receive(post('{"readings": [\n  {"deviceId": "sensor-0042",,}\n]}'), lambdaContext());
    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '')).toMatchObject({
      error: { code: 'ValidationError' },
      errors: [{ path: '', rule: 'json', message: expect.stringMatching(/line 2, column 30/) }],
    });
  });

  it('400 when no reading is valid, 403 when every device belongs elsewhere', async () => {
    // Act
    const invalid = await core().receive(post({ ...sent[0], timestamp: '2024-04-01T00:00:00Z' }), lambdaContext());
    const foreign = await core().receive(post({ ...sent[0], deviceId: 'sensor-9999' }), lambdaContext());
    // Assess
    expect(invalid.statusCode).toBe(400);
    expect(JSON.parse(invalid.body ?? '').errors).toEqual([expect.objectContaining({ path: 'readings[0].timestamp', rule: 'timestampWindow' })]);
    expect(foreign.statusCode).toBe(403);
    expect(JSON.parse(foreign.body ?? '').errors).toEqual([expect.objectContaining({ path: 'readings[0].deviceId', rule: 'ownership' })]);
  });

  it('names odd keys the way every Pulse path does: readings[0][\'a b\'], [\'pm2.5\']', async () => {
    // Act
    const oddInReading = await core().receive(post({ readings: [{ ...sent[0], 'a b': 1 }] }), lambdaContext());
    const oddBesideReadings = await core().receive(post({ readings: [sent[0]], 'pm2.5': 1 }), lambdaContext());
    // Assess
    expect(JSON.parse(oddInReading.body ?? '').errors).toEqual([expect.objectContaining({ path: "readings[0]['a b']", rule: 'additionalProperties' })]);
    expect(JSON.parse(oddBesideReadings.body ?? '').errors).toEqual([expect.objectContaining({ path: "['pm2.5']", rule: 'additionalProperties' })]);
  });

  it('401 without an authorizer context, 413 over 1,000 readings, 415 for other content types', async () => {
    // Act
    const anonymous = await core().receive(post({ readings: sent }, { caller: null }), lambdaContext());
    const many = await core().receive(post({ readings: Array.from({ length: 1001 }, () => sent[0]) }), lambdaContext());
    const csv = await core().receive(post('deviceId,timestamp\n', { headers: { 'content-type': 'text/csv' } }), lambdaContext());
    // Assess
    expect([anonymous.statusCode, many.statusCode, csv.statusCode]).toEqual([401, 413, 415]);
    expect(JSON.parse(many.body ?? '').error.code).toBe('PayloadTooLarge');
  });

  it('429 with Retry-After over the fleet’s rate', async () => {
    // Prepare
    const { receive } = core({ ratePerSecond: 0.5, burst: 1 });
    await receive(post({ readings: sent }), lambdaContext());
    // Act
    const response = await receive(post({ readings: sent }), lambdaContext());
    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('2');
  });

  it('503 with Retry-After when the bus keeps refusing, naming the readings not accepted', async () => {
    // Prepare
    const { receive, metrics } = core();
    // Act
    const response = await receive(post({ ...sent[0], deviceId: 'sensor-down' }), lambdaContext());
    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: { code: 'ServiceUnavailable', message: expect.stringContaining('1 of 1 readings') },
      notAccepted: ['sensor-down@1714564800000'],
      accepted: [],
    });
    expect(metrics.counts.publishRetries).toBeGreaterThan(0);
  });
});
