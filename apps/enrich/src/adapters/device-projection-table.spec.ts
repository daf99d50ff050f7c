import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DeviceRegisteredV1, DeviceRetiredV1 } from '@pulse/schemas';
import { dynamoDbDocumentClient } from '@pulse/service-kit';
import { fixedClock, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { activeDevice, retiredDevice } from '../domain/device';
import { service } from '../service';
import { DEVICE_PROJECTION_TABLE } from '../tables';
import { deviceProjectionTable } from './device-projection-table';

const NOW = 1_714_570_000_000;
const registered = activeDevice(DeviceRegisteredV1.sample.detail.data);
const FLEET = registered.fleetId;

describe('deviceProjectionTable (dynalite)', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  const client = () => dynamoDbDocumentClient({ endpoint: db.endpoint });

  beforeAll(async () => {
    db = await startLocalDynamoDb();
  });
  beforeEach(async () => {
    tableName = (await db.createTables(service.tables ?? []))[DEVICE_PROJECTION_TABLE]!;
  });
  afterAll(() => db.close());

  it('stores a registration under fleetId/deviceId and reads it back', async () => {
    // Prepare
    const table = deviceProjectionTable({ client: client(), tableName, clock: fixedClock(NOW) });

    // Act
    const outcome = await table.apply(registered);
    const devices = await table.getDevices(FLEET, ['sensor-0042', 'unknown-1']);
    const item = await db.documentClient.send(new GetCommand({ TableName: tableName, Key: { fleetId: FLEET, deviceId: 'sensor-0042' } }));

    // Assess
    expect(outcome).toBe('applied');
    expect(devices).toEqual(new Map([['sensor-0042', registered]]));
    expect(item.Item).toMatchObject({ revision: 3, status: 'active', zoneId: 'presquile', projectedAt: NOW });
  });

  it('skips an older or equal revision, so out-of-order and duplicate events never roll back', async () => {
    // Prepare
    const table = deviceProjectionTable({ client: client(), tableName, clock: fixedClock(NOW) });
    await table.apply({ ...registered, revision: 5, zoneId: 'part-dieu' });

    // Act
    const older = await table.apply({ ...registered, revision: 4, zoneId: 'presquile' });
    const duplicate = await table.apply({ ...registered, revision: 5, zoneId: 'confluence' });
    const newer = await table.apply({ ...registered, revision: 6, zoneId: 'vaise' });
    const [device] = (await table.getDevices(FLEET, ['sensor-0042'])).values();

    // Assess
    expect([older, duplicate, newer]).toEqual(['stale', 'stale', 'applied']);
    expect(device).toMatchObject({ revision: 6, zoneId: 'vaise' });
  });

  it('keeps a retired device as a tombstone a late lower registration cannot resurrect', async () => {
    // Prepare
    const table = deviceProjectionTable({ client: client(), tableName, clock: fixedClock(NOW) });
    const retired = retiredDevice({ ...DeviceRetiredV1.sample.detail.data, deviceId: 'sensor-0042', revision: 7 });
    await table.apply(retired);

    // Act
    const late = await table.apply({ ...registered, revision: 6 });
    const [device] = (await table.getDevices(FLEET, ['sensor-0042'])).values();

    // Assess
    expect(late).toBe('stale');
    expect(device).toEqual(retired);
  });

  it('reads a full batch of 200 devices (more than one BatchGetItem) and never another fleet', async () => {
    // Prepare
    const table = deviceProjectionTable({ client: client(), tableName, clock: fixedClock(NOW) });
    const ids = Array.from({ length: 200 }, (_, i) => `sensor-${i}`);
    await Promise.all(ids.filter((_, i) => i % 2 === 0).map((deviceId) => table.apply({ ...registered, deviceId })));
    await table.apply({ ...registered, fleetId: 'city-paris', deviceId: 'sensor-1' });

    // Act
    const devices = await table.getDevices(FLEET, ids);

    // Assess
    expect(devices.size).toBe(100);
    expect(devices.has('sensor-0')).toBe(true);
    expect(devices.has('sensor-1')).toBe(false);
  });

  it('re-reads UnprocessedKeys and fails rather than report a throttled device as unknown', async () => {
    // Prepare: a client that leaves every key unprocessed, as DynamoDB does when throttled
    const sent: unknown[] = [];
    const throttled = {
      send: async (command: unknown) => {
        sent.push(command);
        const keys = (command as BatchGetCommand).input.RequestItems![tableName]!.Keys;
        return { Responses: { [tableName]: [] }, UnprocessedKeys: { [tableName]: { Keys: keys } } };
      },
    };
    const table = deviceProjectionTable({ client: throttled as never, tableName, clock: fixedClock(NOW), maxBatchGetRounds: 3, sleep: async () => undefined });

    // Act
    const result = table.getDevices(FLEET, ['sensor-0042']);

    // Assess
    await expect(result).rejects.toThrow(/still unprocessed after 3/);
    expect(sent).toHaveLength(3);
  });

  it('fails on an item with an unknown status instead of guessing', async () => {
    // Prepare
    await db.documentClient.send(new PutCommand({ TableName: tableName, Item: { fleetId: FLEET, deviceId: 'odd', revision: 1, status: 'paused' } }));
    const table = deviceProjectionTable({ client: client(), tableName, clock: fixedClock(NOW) });

    // Act + Assess
    await expect(table.getDevices(FLEET, ['odd'])).rejects.toThrow(/unknown status paused/);
  });
});
