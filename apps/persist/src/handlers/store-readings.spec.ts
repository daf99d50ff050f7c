import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ReadingsEnrichedV1, ReadingsStoredV1 } from '@pulse/schemas';
import { createPublisher, eventBridgeClient, fixedClock } from '@pulse/service-kit';
import { lambdaContext, sampleEvent, startLocalDynamoDb, startPutEventsServer, type LocalDynamoDb, type PutEventsServer } from '@pulse/service-kit/testing';
import type { EventBridgeEvent } from 'aws-lambda';
import { enrichedBatch, enrichedReadings, T0 } from '../__fixtures__/enriched-readings';
import invalidEvent from '../__fixtures__/invalid-enriched-event.json';
import { silentObservability } from '../__fixtures__/silent-observability';
import { powertools } from '../commons/powertools';
import { READINGS_TABLE, ZONE_STATUS_TABLE } from '../tables';
import { makeStoreReadings, storePorts, storeReadings } from './store-readings';

describe('store-readings', () => {
  let db: LocalDynamoDb;
  let bus: PutEventsServer;
  let tables: Record<string, string>;
  const sample = ReadingsEnrichedV1.sample.detail;

  beforeAll(async () => {
    powertools.logger.setLogLevel('SILENT');
    [db, bus] = await Promise.all([startLocalDynamoDb(), startPutEventsServer()]);
    tables = await db.createTables([READINGS_TABLE, ZONE_STATUS_TABLE]);
    // What the deployer sets; the handler reads it on its first call.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
      PULSE_BUS_NAME: 'pulse-test',
      PULSE_TABLE_READINGS: tables.Readings,
      PULSE_TABLE_ZONE_STATUS: tables.ZoneStatus,
    });
  });
  afterAll(async () => Promise.all([db.close(), bus.close()]));

  const itemsOf = async (pk: string) =>
    (await db.documentClient.send(new QueryCommand({ TableName: tables.Readings, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }))).Items ?? [];
  const statusOf = async (fleetId: string, zoneId: string) =>
    (await db.documentClient.send(new GetCommand({ TableName: tables.ZoneStatus, Key: { fleetId, zoneId } }))).Item;
  const published = () => bus.accepted.map((e) => JSON.parse(e.Detail ?? '{}') as typeof ReadingsStoredV1.sample.detail);

  it('stores the golden ReadingsEnriched sample and publishes ReadingsStored on the wire', async () => {
    // Act
    const result = await storeReadings(sampleEvent(ReadingsEnrichedV1), lambdaContext());

    // Assess
    expect(result).toEqual({ stored: 2, zonesUpdated: 1, zonesSkipped: 0 });
    expect(await itemsOf('city-lyon#sensor-0042')).toEqual([expect.objectContaining({ ts: 1714564800000, zoneKey: 'city-lyon#presquile', aqi: sample.data.readings[0].aqi })]);
    expect(await itemsOf('city-lyon#sensor-0043')).toEqual([expect.not.objectContaining({ zoneKey: expect.anything() })]);
    expect(bus.accepted).toHaveLength(1);
    expect(bus.accepted[0]).toMatchObject({ Source: 'pulse.persist', DetailType: 'ReadingsStored', EventBusName: 'pulse-test' });
    const [detail] = published();
    expect(ReadingsStoredV1.validate(detail).ok).toBe(true);
    expect(detail.metadata).toMatchObject({ causationId: sample.metadata.batchId, correlationId: sample.metadata.correlationId });
    expect(detail.data).toMatchObject({ fleetId: 'city-lyon', receivedAt: sample.data.receivedAt, count: 2, readingIds: ['sensor-0042@1714564800000', 'sensor-0043@1714564800500'], zoneIds: ['presquile'] });
  });

  it('stores a redelivered event as the same items (and says so again downstream)', async () => {
    // Prepare
    const before = bus.accepted.length;

    // Act
    const result = await storeReadings(sampleEvent(ReadingsEnrichedV1), lambdaContext());

    // Assess
    expect(result).toEqual({ stored: 2, zonesUpdated: 0, zonesSkipped: 1 });
    expect(await itemsOf('city-lyon#sensor-0042')).toHaveLength(1);
    expect(bus.accepted.length).toBe(before + 1);
  });

  it('rejects an invalid event, naming the field, and stores and publishes nothing', async () => {
    // Prepare
    const before = bus.accepted.length;

    // Act
    const outcome = storeReadings(invalidEvent as EventBridgeEvent<string, unknown>, lambdaContext());

    // Assess
    await expect(outcome).rejects.toThrow(/invalid ReadingsEnriched.*readings\[0\]/);
    expect(await itemsOf('city-lyon#sensor-0042')).toHaveLength(1);
    expect(bus.accepted.length).toBe(before);
  });

  it('fails when ReadingsStored cannot be published, after storing: the retry rewrites the same items', async () => {
    // Prepare
    const downBus = await startPutEventsServer({ failCall: () => ({ status: 500, type: 'InternalException', message: 'down' }) });
    const observability = silentObservability();
    const core = makeStoreReadings({
      ...observability,
      ports: storePorts(db.client, { readings: tables.Readings, zoneStatus: tables.ZoneStatus }, fixedClock(T0)),
      publisher: createPublisher({ client: eventBridgeClient({ endpoint: downBus.endpoint, maxAttempts: 1 }), busName: 'b', sleep: async () => undefined }),
      retentionDays: 30,
    });
    const event = { ...sampleEvent(ReadingsEnrichedV1), detail: { ...sample, data: enrichedBatch(enrichedReadings(3, 3, 1), 'fleet-down') } };

    // Act
    const outcome = core(event, lambdaContext());

    // Assess
    await expect(outcome).rejects.toThrow();
    expect(await itemsOf('fleet-down#sensor-0001')).toHaveLength(1);
    expect(observability.counted).toEqual({});
    await downBus.close();
  });

  it('fails when the readings write fails, publishing nothing; the redelivery stores them and then publishes', async () => {
    // Prepare: the first delivery writes readings to a table that does not exist (ResourceNotFoundException).
    const core = (readingsTableName: string) =>
      makeStoreReadings({
        ...silentObservability(),
        ports: storePorts(db.client, { readings: readingsTableName, zoneStatus: tables.ZoneStatus }, fixedClock(T0)),
        publisher: createPublisher({ client: eventBridgeClient({ endpoint: bus.endpoint }), busName: 'b' }),
        retentionDays: 30,
      });
    const event = { ...sampleEvent(ReadingsEnrichedV1), detail: { ...sample, data: enrichedBatch(enrichedReadings(3, 3, 1), 'fleet-redelivered') } };
    const before = bus.accepted.length;

    // Act
    const first = core('Readings-missing')(event, lambdaContext());
    await expect(first).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    const statusAhead = await statusOf('fleet-redelivered', 'zone-0');
    const storedAhead = await itemsOf('fleet-redelivered#sensor-0002');
    const publishedAhead = bus.accepted.length - before;
    const redelivered = await core(tables.Readings)(event, lambdaContext());

    // Assess: the status may run ahead of the readings until the redelivery, never ReadingsStored.
    expect(storedAhead).toHaveLength(0);
    expect(publishedAhead).toBe(0);
    expect(statusAhead).toMatchObject({ readingId: `sensor-0002@${T0}` });
    expect(redelivered).toEqual({ stored: 3, zonesUpdated: 0, zonesSkipped: 1 });
    expect(await itemsOf('fleet-redelivered#sensor-0002')).toHaveLength(1);
    expect(published().at(-1)?.data).toMatchObject({ fleetId: 'fleet-redelivered', count: 3, zoneIds: ['zone-0'] });
  });

  it('fails a batch with a number DynamoDB cannot be sent exactly before writing anything of it', async () => {
    // Prepare
    const core = makeStoreReadings({
      ...silentObservability(),
      ports: storePorts(db.client, { readings: tables.Readings, zoneStatus: tables.ZoneStatus }, fixedClock(T0)),
      publisher: createPublisher({ client: eventBridgeClient({ endpoint: bus.endpoint }), busName: 'b' }),
      retentionDays: 30,
    });
    const [fine, huge] = enrichedReadings(2, 2, 1);
    const event = { ...sampleEvent(ReadingsEnrichedV1), detail: { ...sample, data: enrichedBatch([fine, { ...huge, measurements: { pm25: 2 ** 60 } }], 'fleet-huge') } };
    const before = bus.accepted.length;

    // Act
    const outcome = core(event, lambdaContext());

    // Assess
    await expect(outcome).rejects.toThrow(/safe integer/);
    expect(await itemsOf('fleet-huge#sensor-0000')).toHaveLength(0);
    expect(await statusOf('fleet-huge', 'zone-0')).toBeUndefined();
    expect(bus.accepted.length).toBe(before);
  });

  it('stores a full batch of 200 readings and counts them', async () => {
    // Prepare
    const observability = silentObservability();
    const core = makeStoreReadings({
      ...observability,
      ports: storePorts(db.client, { readings: tables.Readings, zoneStatus: tables.ZoneStatus }, fixedClock(T0)),
      publisher: createPublisher({ client: eventBridgeClient({ endpoint: bus.endpoint }), busName: 'b' }),
      retentionDays: 30,
    });
    const event = { ...sampleEvent(ReadingsEnrichedV1), detail: { ...sample, data: enrichedBatch(enrichedReadings(200, 50, 8), 'fleet-full') } };

    // Act
    const result = await core(event, lambdaContext());

    // Assess
    expect(result).toEqual({ stored: 200, zonesUpdated: 8, zonesSkipped: 0 });
    expect(await itemsOf('fleet-full#sensor-0049')).toHaveLength(4);
    // The fixed clock reads T0, before the batch's receivedAt (T0 + 1.1 s): clock skew counts as no latency.
    expect(observability.counted).toEqual({ readingsStored: 200, unprocessedItemsRetried: 0, EndToEndLatency: 0 });
  });
});
