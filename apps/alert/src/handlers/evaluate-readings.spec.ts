import type { EventBridgeEvent } from 'aws-lambda';
import { AlertRaisedV1, ReadingsEnrichedV1 } from '@pulse/schemas';
import { createPublisher, eventBridgeClient, fixedClock } from '@pulse/service-kit';
import { lambdaContext, sampleEvent, startLocalDynamoDb, startPutEventsServer, type LocalDynamoDb, type PutEventsServer } from '@pulse/service-kit/testing';
import { alertEvents } from '../adapters/alert-events';
import { alertStateTable } from '../adapters/alert-state-table';
import { alertsTable } from '../adapters/alerts-table';
import { parseAlertRules } from '../domain/alert-rules';
import { AlertPublishError } from '../domain/process-batch';
import { service } from '../service';
import unhealthy from './__fixtures__/readings-enriched-unhealthy.json';
import { makeEvaluateReadings } from './evaluate-readings';

const NOW = 1714564925000; // a few seconds after the fixture's last reading

describe('evaluate-readings', () => {
  let db: LocalDynamoDb;
  const servers: PutEventsServer[] = [];

  beforeAll(async () => {
    db = await startLocalDynamoDb();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db.close();
  });

  /** The real adapters against fresh tables in dynalite and a PutEvents server. */
  async function setUp(bus?: Parameters<typeof startPutEventsServer>[0]) {
    const tables = await db.createTables(service.tables ?? []);
    const server = await startPutEventsServer(bus);
    servers.push(server);
    const publisher = createPublisher({
      client: eventBridgeClient({ endpoint: server.endpoint }),
      busName: 'pulse-test',
      source: 'pulse.alert',
      maxAttempts: 2,
      baseDelayMs: 1,
    });
    const alerts = alertsTable(db.documentClient, tables.Alerts);
    const states = alertStateTable(db.documentClient, tables.AlertState);
    const ports = { states, records: alerts, events: alertEvents(publisher) };
    const core = makeEvaluateReadings({ ports, rules: parseAlertRules({}), clock: fixedClock(NOW) });
    return { core, server, alerts, states };
  }

  const context = (awsRequestId: string) => lambdaContext({ awsRequestId });
  const unhealthyEvent = unhealthy as EventBridgeEvent<string, unknown>;

  it('the golden sample (clean) records the zone and emits nothing', async () => {
    // Prepare
    const { core, server, states } = await setUp();
    // Act
    const outcome = await core(sampleEvent(ReadingsEnrichedV1), context('req-1'));
    // Assess
    expect(outcome).toMatchObject({ zones: 1, raised: 0, writes: 1 });
    expect(server.calls).toHaveLength(0);
    expect((await states.load('city-lyon', ['presquile'])).get('presquile')).toMatchObject({ status: 'clear', version: 1 });
  });

  it('three unhealthy readings raise one alert, published with the batch’s correlation and listed as open', async () => {
    // Prepare
    const { core, server, alerts } = await setUp();
    // Act
    const outcome = await core(unhealthyEvent, context('req-1'));
    // Assess
    expect(outcome).toMatchObject({ raised: 1 });
    expect(server.accepted).toHaveLength(1);
    const [entry] = server.accepted;
    expect(entry).toMatchObject({ Source: 'pulse.alert', DetailType: 'AlertRaised', EventBusName: 'pulse-test' });
    const detail = JSON.parse(entry.Detail ?? '');
    expect(AlertRaisedV1.validate(detail).ok).toBe(true);
    expect(detail.metadata).toMatchObject({ correlationId: unhealthy.detail.metadata.correlationId, causationId: unhealthy.detail.metadata.batchId });
    expect(detail.data).toMatchObject({ alertId: 'city-lyon:zone-aqi:presquile:1714564800000', level: 'Unhealthy', severity: 3, aqi: 162, raisedAt: NOW });
    const page = await alerts.list({ fleetId: 'city-lyon', status: 'open', limit: 10 });
    expect(page.items.map((a) => a.alertId)).toEqual([detail.data.alertId]);
  });

  it('two concurrent invocations for one zone produce exactly one AlertRaised', async () => {
    // Prepare
    const { core, server } = await setUp();
    await core(sampleEvent(ReadingsEnrichedV1), context('req-0')); // the zone's state exists: both race on its version
    // Act
    const outcomes = await Promise.all([core(unhealthyEvent, context('req-a')), core(unhealthyEvent, context('req-b'))]);
    // Assess
    expect(server.accepted.filter((e) => e.DetailType === 'AlertRaised')).toHaveLength(1);
    expect(outcomes.map((o) => o.raised).sort()).toEqual([0, 1]);
  });

  it('redelivering the same batch (a retry after success) publishes nothing more', async () => {
    // Prepare
    const { core, server } = await setUp();
    await core(unhealthyEvent, context('req-1'));
    // Act
    const retried = await core(unhealthyEvent, context('req-2'));
    // Assess
    expect(retried).toMatchObject({ raised: 0, writes: 0 });
    expect(server.accepted).toHaveLength(1);
  });

  it('a refused publish fails the invocation; its retry publishes the alert once', async () => {
    // Prepare
    const failing = await setUp({ failEntry: () => ({ ErrorCode: 'AccessDeniedException', ErrorMessage: 'denied' }) });
    const failed = failing.core(unhealthyEvent, context('req-1'));
    await expect(failed).rejects.toBeInstanceOf(AlertPublishError);
    const server = await startPutEventsServer();
    servers.push(server);
    const publisher = createPublisher({ client: eventBridgeClient({ endpoint: server.endpoint }), busName: 'pulse-test', source: 'pulse.alert' });
    const retry = makeEvaluateReadings({
      ports: { states: failing.states, records: failing.alerts, events: alertEvents(publisher) },
      rules: parseAlertRules({}),
      clock: fixedClock(NOW + 1000),
    });
    // Act
    const outcome = await retry(unhealthyEvent, context('req-1'));
    // Assess
    expect(outcome.raised).toBe(1);
    expect(server.accepted.map((e) => e.DetailType)).toEqual(['AlertRaised']);
  });

  it('throws on an invalid event, naming the field, and writes nothing', async () => {
    // Prepare
    const { core, server } = await setUp();
    const invalid = structuredClone(unhealthy);
    (invalid.detail.data.readings[0] as { ts: unknown }).ts = 'yesterday';
    // Act
    const outcome = core(invalid as EventBridgeEvent<string, unknown>, context('req-1'));
    // Assess
    await expect(outcome).rejects.toThrow(/invalid ReadingsEnriched: .*readings\[0\]\.ts/);
    expect(server.calls).toHaveLength(0);
  });
});
