import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { enrichedReading, enrichedReadings, T0 } from '../__fixtures__/enriched-readings';
import { UnprocessedItemsError } from '../domain/batch-writer';
import { toReadingItem, type ReadingItem } from '../domain/reading-item';
import { READINGS_TABLE } from '../tables';
import { readingsTable } from './readings-table';
import { readingsWriter } from './readings-writer';

const stamps = { receivedAt: T0, storedAt: T0 + 200, retentionDays: 30 };
const items = (readings = enrichedReadings(60, 3, 2), fleetId = 'city-lyon') => readings.map((r) => toReadingItem(fleetId, r, stamps));
const fast = { sleep: async () => undefined };

/** Lets the first `failingCalls` BatchWriteItem calls store only their first `keep` items and hand back the rest unprocessed. */
function withInjectedUnprocessed(client: DynamoDBClient, failingCalls: number, keep: number) {
  const sent: number[] = [];
  const wrapper = {
    async send(command: BatchWriteItemCommand) {
      const [table, requests] = Object.entries(command.input.RequestItems ?? {})[0];
      sent.push(requests.length);
      if (sent.length > failingCalls) return client.send(command);
      if (keep > 0) await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests.slice(0, keep) } }));
      return { UnprocessedItems: { [table]: requests.slice(keep) } };
    },
  };
  return { client: wrapper as unknown as DynamoDBClient, sent };
}

describe('Readings writer on dynalite', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([READINGS_TABLE])).Readings;
  });
  afterAll(() => db.close());

  const get = (item: ReadingItem) => db.documentClient.send(new GetCommand({ TableName: tableName, Key: { pk: item.pk, ts: item.ts } }));

  it('stores readings with real BatchWriteItem calls, and a second write of them is the same single item', async () => {
    // Prepare
    const writer = readingsWriter(db.client, tableName, fast);
    const batch = items(enrichedReadings(60, 3, 2), 'fleet-bw');

    // Act
    const first = await writer.putAll(batch);
    const second = await writer.putAll(batch);

    // Assess
    expect(first).toEqual({ items: 60, calls: 3, attempts: 1, retried: 0 });
    expect(second.calls).toBe(3);
    const table = readingsTable(db.documentClient, tableName);
    const pages = await Promise.all(['sensor-0000', 'sensor-0001', 'sensor-0002'].map((d) => table.deviceReadings({ fleetId: 'fleet-bw', deviceId: d, from: 0, to: T0 + 1e9, limit: 1000 })));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 20]);
  });

  it('stores what the DocumentClient reads back as the same item: zoned, unzoned, without AQI, sparse measurements', async () => {
    // Prepare
    const writer = readingsWriter(db.client, tableName, fast);
    const sparse = { ...enrichedReading({ deviceId: 'sparse', ts: T0 + 3 }), measurements: { o3: 41.5, co: 0.000001 }, quality: ['sudden-jump' as const, 'uncalibrated' as const] };
    const batch = items(
      [enrichedReading({ deviceId: 'zoned', ts: T0 }), enrichedReading({ deviceId: 'unzoned', ts: T0 + 1, zoneId: null }), enrichedReading({ deviceId: 'no-aqi', ts: T0 + 2, aqi: null }), sparse],
      'fleet-shape',
    );

    // Act
    await writer.putAll(batch);

    // Assess
    const stored = await Promise.all(batch.map(get));
    expect(stored.map((r) => r.Item)).toEqual(batch);
    expect(stored[1].Item).not.toHaveProperty('zoneKey');
    const zone = await readingsTable(db.documentClient, tableName).zoneReadings({ fleetId: 'fleet-shape', zoneId: 'presquile', since: 0, until: T0 + 10, limit: 10 });
    expect(zone.items.map((i) => i.pk).sort()).toEqual(['fleet-shape#no-aqi', 'fleet-shape#sparse', 'fleet-shape#zoned']);
  });

  it('retries UnprocessedItems until every item is stored', async () => {
    // Prepare
    const injected = withInjectedUnprocessed(db.client, 2, 10);
    const writer = readingsWriter(injected.client, tableName, fast);
    const batch = items(enrichedReadings(40, 4, 2), 'fleet-retry');

    // Act
    const stats = await writer.putAll(batch);

    // Assess
    expect(injected.sent).toEqual([25, 15, 20]);
    expect(stats).toEqual({ items: 40, calls: 3, attempts: 2, retried: 20 });
    const stored = await Promise.all(batch.map(get));
    expect(stored.map((r) => r.Item)).toEqual(batch);
  });

  it('fails when items stay unprocessed after the last attempt', async () => {
    // Prepare
    const injected = withInjectedUnprocessed(db.client, Infinity, 0);
    const writer = readingsWriter(injected.client, tableName, { ...fast, maxAttempts: 3 });

    // Act
    const outcome = writer.putAll(items([enrichedReading({ deviceId: 'never' })]));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(UnprocessedItemsError);
    expect(injected.sent).toEqual([1, 1, 1]);
  });
});
