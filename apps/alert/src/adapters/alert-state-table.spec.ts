import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { initialZoneState, type ZoneState } from '../domain/zone-state';
import { ALERT_STATE_TABLE } from '../tables';
import { alertStateTable } from './alert-state-table';

describe('alertStateTable (dynalite)', () => {
  let db: LocalDynamoDb;
  let table: string;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    ({ AlertState: table } = await db.createTables([ALERT_STATE_TABLE]));
  });
  afterAll(() => db.close());

  const pending = (zoneId: string): ZoneState => ({
    ...initialZoneState('city-lyon', zoneId),
    status: 'pending',
    exceedances: [{ readingId: 's-1@1000', ts: 1000, aqi: 120, category: 'Unhealthy for Sensitive Groups', dominant: 'pm25' }],
  });

  it('creates a state only if none exists, then writes only on the version read', async () => {
    // Prepare
    const store = alertStateTable(db.documentClient, table);
    // Act
    const created = await store.save(pending('z-create'));
    const duplicate = await store.save(pending('z-create'));
    const updated = await store.save({ ...(created as ZoneState), status: 'open' });
    const stale = await store.save({ ...(created as ZoneState), status: 'clear' });
    const loaded = await store.load('city-lyon', ['z-create', 'z-missing']);
    // Assess
    expect(created).toMatchObject({ version: 1 });
    expect(duplicate).toBe('conflict');
    expect(updated).toMatchObject({ version: 2, status: 'open' });
    expect(stale).toBe('conflict');
    expect([...loaded.keys()]).toEqual(['z-create']);
    expect(loaded.get('z-create')).toMatchObject({ version: 2, status: 'open', exceedances: pending('x').exceedances });
  });

  it('lets exactly one of many concurrent writers of the same version win', async () => {
    // Prepare
    const store = alertStateTable(db.documentClient, table);
    const base = (await store.save(pending('z-race'))) as ZoneState;
    // Act
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => store.save({ ...base, resolvedThroughTs: i + 1 })));
    // Assess
    expect(outcomes.filter((o) => o !== 'conflict')).toHaveLength(1);
    const stored = (await store.load('city-lyon', ['z-race'])).get('z-race');
    const winner = outcomes.find((o): o is ZoneState => o !== 'conflict');
    expect(stored).toMatchObject({ version: 2, resolvedThroughTs: winner?.resolvedThroughTs });
  });

  it('loads more zones than one BatchGetItem takes, and only the fleet asked for', async () => {
    // Prepare
    const store = alertStateTable(db.documentClient, table);
    const zones = Array.from({ length: 130 }, (_, i) => `z-many-${i}`);
    for (const zone of zones) await store.save(initialZoneState('city-lyon', zone));
    await store.save(initialZoneState('other-fleet', 'z-many-0'));
    // Act
    const loaded = await store.load('city-lyon', zones);
    const otherFleet = await store.load('city-paris', zones.slice(0, 5));
    // Assess
    expect(loaded.size).toBe(130);
    expect(otherFleet.size).toBe(0);
  });

  it('reads again the keys BatchGetItem leaves unprocessed', async () => {
    // Prepare: the first answer keeps half the keys back, as DynamoDB does under load
    const zones = ['z-u-1', 'z-u-2', 'z-u-3', 'z-u-4'];
    const real = alertStateTable(db.documentClient, table);
    for (const zone of zones) await real.save(initialZoneState('city-lyon', zone));
    const calls: number[] = [];
    const throttling = {
      send: async (command: BatchGetCommand) => {
        const keys = command.input.RequestItems?.[table]?.Keys ?? [];
        calls.push(keys.length);
        if (calls.length > 1) return db.documentClient.send(command);
        const served = await db.documentClient.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys.slice(0, 2), ConsistentRead: true } } }));
        return { ...served, UnprocessedKeys: { [table]: { Keys: keys.slice(2), ConsistentRead: true } } };
      },
    } as unknown as DynamoDBDocumentClient;
    // Act
    const loaded = await alertStateTable(throttling, table).load('city-lyon', zones);
    // Assess
    expect(calls).toEqual([4, 2]);
    expect([...loaded.keys()].sort()).toEqual(zones);
  });
});
