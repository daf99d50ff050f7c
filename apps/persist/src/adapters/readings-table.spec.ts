import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { enrichedReading, enrichedReadings, T0 } from '../__fixtures__/enriched-readings';
import { UnprocessedItemsError } from '../domain/batch-writer';
import { toReadingItem, type ReadingItem } from '../domain/reading-item';
import { READINGS_TABLE } from '../tables';
import { readingsTable } from './readings-table';

const stamps = { receivedAt: T0, storedAt: T0 + 200, retentionDays: 30 };
const items = (readings = enrichedReadings(60, 3, 2), fleetId = 'city-lyon') => readings.map((r) => toReadingItem(fleetId, r, stamps));
const fast = { sleep: async () => undefined };

/** Lets the first `failingCalls` BatchWriteItem calls store only their first `keep` items and hand back the rest unprocessed. */
function withInjectedUnprocessed(client: DynamoDBDocumentClient, failingCalls: number, keep: number) {
  const sent: number[] = [];
  const wrapper = {
    async send(command: BatchWriteCommand) {
      const [table, requests] = Object.entries(command.input.RequestItems ?? {})[0];
      sent.push(requests.length);
      if (sent.length > failingCalls) return client.send(command);
      if (keep > 0) await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, keep) } }));
      return { UnprocessedItems: { [table]: requests.slice(keep) } };
    },
  };
  return { client: wrapper as unknown as DynamoDBDocumentClient, sent };
}

describe('Readings table on dynalite', () => {
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
    const table = readingsTable(db.documentClient, tableName, fast);
    const batch = items(enrichedReadings(60, 3, 2), 'fleet-bw');

    // Act
    const first = await table.putAll(batch);
    const second = await table.putAll(batch);

    // Assess
    expect(first).toEqual({ items: 60, calls: 3, attempts: 1, retried: 0 });
    expect(second.calls).toBe(3);
    const pages = await Promise.all(['sensor-0000', 'sensor-0001', 'sensor-0002'].map((d) => table.deviceReadings({ fleetId: 'fleet-bw', deviceId: d, from: 0, to: T0 + 1e9, limit: 1000 })));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 20]);
    expect((await get(batch[7])).Item).toEqual(batch[7]);
  });

  it('retries UnprocessedItems until every item is stored', async () => {
    // Prepare
    const injected = withInjectedUnprocessed(db.documentClient, 2, 10);
    const table = readingsTable(injected.client, tableName, fast);
    const batch = items(enrichedReadings(40, 4, 2), 'fleet-retry');

    // Act
    const stats = await table.putAll(batch);

    // Assess
    expect(injected.sent).toEqual([25, 15, 20]);
    expect(stats).toEqual({ items: 40, calls: 3, attempts: 2, retried: 20 });
    const stored = await Promise.all(batch.map(get));
    expect(stored.every((r) => r.Item !== undefined)).toBe(true);
  });

  it('fails when items stay unprocessed after the last attempt', async () => {
    // Prepare
    const injected = withInjectedUnprocessed(db.documentClient, Infinity, 0);
    const table = readingsTable(injected.client, tableName, { ...fast, maxAttempts: 3 });

    // Act
    const outcome = table.putAll(items([enrichedReading({ deviceId: 'never' })]));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(UnprocessedItemsError);
    expect(injected.sent).toEqual([1, 1, 1]);
  });

  it('pages one device’s readings in a time range, newest first, without a trailing empty page', async () => {
    // Prepare
    const table = readingsTable(db.documentClient, tableName);
    const readings = Array.from({ length: 25 }, (_, i) => enrichedReading({ deviceId: 'pager', ts: T0 + i * 1000 }));
    await table.putAll(items([...readings, enrichedReading({ deviceId: 'pager-other', ts: T0 })], 'fleet-page'));
    const query = { fleetId: 'fleet-page', deviceId: 'pager', from: T0 + 2000, to: T0 + 21_000, limit: 10 };

    // Act
    const first = await table.deviceReadings(query);
    const second = await table.deviceReadings({ ...query, before: first.next });

    // Assess
    const tsOf = (page: { items: ReadingItem[] }) => page.items.map((i) => (i.ts - T0) / 1000);
    expect(tsOf(first)).toEqual([21, 20, 19, 18, 17, 16, 15, 14, 13, 12]);
    expect(tsOf(second)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(first.next).toBe(T0 + 12_000);
    expect(second.next).toBeUndefined();
    const exact = await table.deviceReadings({ ...query, limit: 20 });
    const short = await table.deviceReadings({ ...query, limit: 19 });
    expect([exact.items.length, exact.next]).toEqual([20, undefined]);
    expect([short.items.length, short.next]).toEqual([19, T0 + 3000]);
  });

  it('tells a device with readings from one without, per fleet', async () => {
    // Prepare
    const table = readingsTable(db.documentClient, tableName);
    await table.putAll(items([enrichedReading({ deviceId: 'known', ts: T0 })], 'fleet-a'));

    // Act / Assess
    expect(await table.hasDeviceReadings('fleet-a', 'known', T0)).toBe(true);
    expect(await table.hasDeviceReadings('fleet-a', 'known', T0 + 1)).toBe(false);
    expect(await table.hasDeviceReadings('fleet-b', 'known', 0)).toBe(false);
  });

  it('answers "a zone’s readings of the last hour" from the sparse zone index', async () => {
    // Prepare
    const table = readingsTable(db.documentClient, tableName);
    const hour = 3_600_000;
    await table.putAll(
      items(
        [
          enrichedReading({ deviceId: 'z1', ts: T0 - 2 * hour, zoneId: 'old-town' }),
          enrichedReading({ deviceId: 'z1', ts: T0 - 10_000, zoneId: 'old-town' }),
          enrichedReading({ deviceId: 'z2', ts: T0 - 5_000, zoneId: 'old-town' }),
          enrichedReading({ deviceId: 'z3', ts: T0 - 1_000, zoneId: 'harbour' }),
          enrichedReading({ deviceId: 'z4', ts: T0 - 1_000, zoneId: null }),
        ],
        'fleet-zone',
      ),
    );

    // Act
    const lastHour = await table.zoneReadingsSince('fleet-zone', 'old-town', T0 - hour);

    // Assess
    expect(lastHour.map((i) => [i.pk, i.ts])).toEqual([
      ['fleet-zone#z2', T0 - 5_000],
      ['fleet-zone#z1', T0 - 10_000],
    ]);
    expect(Object.keys(lastHour[0]).sort()).toEqual(['aqi', 'measurements', 'pk', 'quality', 'ts', 'zoneKey']);
  });
});
