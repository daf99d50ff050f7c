import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { BUS_NAME_ENV, tableNameEnv } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, sampleEvent, startLocalDynamoDb, startPutEventsServer, type LocalDynamoDb, type PutEventsServer } from '@pulse/service-kit/testing';
import { service } from '../service';

/** The Lambda entries as deployed: ports built from the environment on first use. */
describe('handler wiring', () => {
  let db: LocalDynamoDb;
  let bus: PutEventsServer;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    bus = await startPutEventsServer();
    const tables = await db.createTables(service.tables ?? []);
    Object.assign(process.env, {
      [BUS_NAME_ENV]: 'pulse-test',
      [tableNameEnv('AlertState')]: tables.AlertState,
      [tableNameEnv('Alerts')]: tables.Alerts,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      PULSE_ALERT_MIN_READINGS: '1',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await bus.close();
    await db.close();
  });

  it('evaluate-readings and list-alerts run from the environment', async () => {
    // Prepare
    const evaluate = await import('./evaluate-readings');
    const list = await import('./list-alerts');
    const event = structuredClone(sampleEvent(ReadingsEnrichedV1));
    event.detail.data.readings[0].aqi = { value: 130, category: 'Unhealthy for Sensitive Groups', dominant: 'pm25', subIndices: { pm25: 130 } };
    // Act: one exceedance is enough with PULSE_ALERT_MIN_READINGS=1
    const outcome = await evaluate.handler(event, lambdaContext());
    const response = await list.handler(
      httpApiEvent({ method: 'GET', path: '/v1/alerts', jwtClaims: { 'custom:fleet': 'city-lyon' } }) as never,
      lambdaContext(),
    );
    // Assess
    expect(outcome).toMatchObject({ raised: 1 });
    expect(bus.accepted.map((e) => e.DetailType)).toEqual(['AlertRaised']);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}').items).toHaveLength(1);
  });
});
