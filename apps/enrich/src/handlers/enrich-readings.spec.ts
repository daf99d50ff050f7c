import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { DeviceRegisteredV1, ReadingsEnrichedV1, ReadingsNormalizedV1, type EventDetail, type ReadingsEnrichedV1Data } from '@pulse/schemas';
import { dynamoDbDocumentClient, fixedClock } from '@pulse/service-kit';
import {
  eventBridgeEvent, lambdaContext, sampleEvent, startLocalDynamoDb, startPutEventsServer,
  type LocalDynamoDb, type PutEventsServer,
} from '@pulse/service-kit/testing';
import { deviceProjectionTable } from '../adapters/device-projection-table';
import { activeDevice } from '../domain/device';
import { service } from '../service';
import { DEVICE_PROJECTION_TABLE } from '../tables';
import { freshImport, setEnv } from '../testing/with-env';

const golden = sampleEvent(ReadingsNormalizedV1);
const BUS = 'pulse-test';

describe('enrich-readings handler', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
  });
  afterAll(() => db.close());

  /** A fresh cold start: new table, new bus stand-in, new module-scope cache. */
  async function coldStart(bus: PutEventsServer) {
    tableName = (await db.createTables(service.tables ?? []))[DEVICE_PROJECTION_TABLE]!;
    const table = deviceProjectionTable({ client: dynamoDbDocumentClient({ endpoint: db.endpoint }), tableName, clock: fixedClock(0) });
    await table.apply(activeDevice(DeviceRegisteredV1.sample.detail.data));
    restoreEnv = setEnv({
      PULSE_BUS_NAME: BUS,
      PULSE_TABLE_DEVICE_PROJECTION: tableName,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
    return (await freshImport(() => import('./enrich-readings'))).enrichReadings;
  }
  // Closed after every test, passed or failed, so a failure never leaves a server open.
  const buses: PutEventsServer[] = [];
  const startBus = async (...args: Parameters<typeof startPutEventsServer>) => {
    const bus = await startPutEventsServer(...args);
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    restoreEnv();
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  const published = (bus: PutEventsServer) =>
    bus.accepted.map((entry) => ({ ...entry, detail: JSON.parse(entry.Detail!) as EventDetail<ReadingsEnrichedV1Data> }));

  it('turns the golden ReadingsNormalized into one valid ReadingsEnriched, caused by its batch', async () => {
    // Prepare
    const bus = await startBus();
    const enrichReadings = await coldStart(bus);

    // Act
    await enrichReadings(golden, lambdaContext());

    // Assess
    const [event, ...others] = published(bus);
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({ Source: 'pulse.enrich', DetailType: 'ReadingsEnriched', EventBusName: BUS });
    expect(ReadingsEnrichedV1.validate(event!.detail).ok).toBe(true);
    expect(event!.detail.metadata).toMatchObject({
      causationId: golden.detail.metadata.batchId,
      correlationId: golden.detail.metadata.correlationId,
    });
    // The golden samples are one story: the normalized sample, enriched, is the enriched sample.
    expect(event!.detail.data).toEqual(ReadingsEnrichedV1.sample.detail.data);
  });

  it('reads a device from the cache on the next batch instead of the table', async () => {
    // Prepare: first batch warms the cache, then the device disappears from the table
    const bus = await startBus();
    const enrichReadings = await coldStart(bus);
    await enrichReadings(golden, lambdaContext());
    await db.documentClient.send(new DeleteCommand({ TableName: tableName, Key: { fleetId: 'city-lyon', deviceId: 'sensor-0042' } }));

    // Act
    await enrichReadings(golden, lambdaContext());

    // Assess: still registered, answered by the module-scope cache within its TTL
    const second = published(bus)[1]!;
    expect(second.detail.data.readings[0]).toMatchObject({ registered: true, zoneId: 'presquile' });
  });

  it('throws on an invalid event without publishing, so EventBridge retries and then dead-letters it', async () => {
    // Prepare
    const bus = await startBus();
    const enrichReadings = await coldStart(bus);
    const invalid = eventBridgeEvent(ReadingsNormalizedV1, { ...golden.detail, data: { ...golden.detail.data, readings: [] } });

    // Act
    const result = enrichReadings(invalid, lambdaContext());

    // Assess
    await expect(result).rejects.toThrow(/invalid ReadingsNormalized: data.readings/);
    expect(bus.calls).toHaveLength(0);
  });

  it('throws when the bus never accepts the batch, instead of acknowledging it', async () => {
    // Prepare
    const bus = await startBus({ failEntry: () => ({ ErrorCode: 'AccessDeniedException', ErrorMessage: 'denied' }) });
    const enrichReadings = await coldStart(bus);

    // Act
    const result = enrichReadings(golden, lambdaContext());

    // Assess
    await expect(result).rejects.toMatchObject({ name: 'PublishError' });
    expect(bus.accepted).toHaveLength(0);
  });

  it('throws when the projection table cannot be read, rather than enrich known devices as unknown', async () => {
    // Prepare
    const bus = await startBus();
    const enrichReadings = await coldStart(bus);
    await db.client.send(new DeleteTableCommand({ TableName: tableName }));

    // Act + Assess
    await expect(enrichReadings(golden, lambdaContext())).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(bus.calls).toHaveLength(0);
  });
});
