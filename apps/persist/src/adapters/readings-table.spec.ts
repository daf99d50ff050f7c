import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { enrichedReading, enrichedReadings, T0 } from '../__fixtures__/enriched-readings';
import { UnprocessedKeysError } from '../domain/batch-reader';
import type { ZoneReadingsQuery } from '../domain/ports';
import { toReadingItem, type ReadingItem } from '../domain/reading-item';
import { READINGS_TABLE } from '../tables';
import { readingsTable } from './readings-table';
import { readingsWriter } from './readings-writer';

const stamps = { receivedAt: T0, storedAt: T0 + 200, retentionDays: 30 };
const items = (readings = enrichedReadings(60, 3, 2), fleetId = 'city-lyon') => readings.map((r) => toReadingItem(fleetId, r, stamps));
const fast = { sleep: async () => undefined };

/** Lets the first `failingCalls` BatchGetItem calls answer only their first `keep` keys and hand back the rest unprocessed. */
function withUnprocessedKeys(client: DynamoDBDocumentClient, failingCalls: number, keep: number) {
  const sent: number[] = [];
  const wrapper = {
    async send(command: { input: unknown }) {
      if (!(command instanceof BatchGetCommand)) return client.send(command as never);
      const [table, request] = Object.entries(command.input.RequestItems ?? {})[0];
      sent.push(request.Keys?.length ?? 0);
      if (sent.length > failingCalls) return client.send(command);
      const answered = keep > 0 ? (await client.send(new BatchGetCommand({ RequestItems: { [table]: { ...request, Keys: request.Keys?.slice(0, keep) } } }))).Responses : undefined;
      return { Responses: answered ?? { [table]: [] }, UnprocessedKeys: { [table]: { ...request, Keys: request.Keys?.slice(keep) } } };
    },
  };
  return { client: wrapper as unknown as DynamoDBDocumentClient, sent };
}

/** Every page of a zone query, following `next` as the route's cursor does. */
async function allPages(table: ReturnType<typeof readingsTable>, query: ZoneReadingsQuery) {
  const pages: Awaited<ReturnType<typeof table.zoneReadings>>[] = [];
  let before = query.before;
  do {
    pages.push(await table.zoneReadings({ ...query, ...(before ? { before } : {}) }));
    before = pages[pages.length - 1].next;
  } while (before && pages.length < 50);
  return pages;
}

describe('Readings table (read side) on dynalite', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([READINGS_TABLE])).Readings;
  });
  afterAll(() => db.close());

  const store = (batch: ReadingItem[]) => readingsWriter(db.client, tableName).putAll(batch);
  const get = (item: ReadingItem) => db.documentClient.send(new GetCommand({ TableName: tableName, Key: { pk: item.pk, ts: item.ts } }));

  it('pages one device’s readings in a time range, newest first, without a trailing empty page', async () => {
    // Prepare
    const table = readingsTable(db.documentClient, tableName);
    const readings = Array.from({ length: 25 }, (_, i) => enrichedReading({ deviceId: 'pager', ts: T0 + i * 1000 }));
    await store(items([...readings, enrichedReading({ deviceId: 'pager-other', ts: T0 })], 'fleet-page'));
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
    await store(items([enrichedReading({ deviceId: 'known', ts: T0 })], 'fleet-a'));

    // Act / Assess
    expect(await table.hasDeviceReadings('fleet-a', 'known', T0)).toBe(true);
    expect(await table.hasDeviceReadings('fleet-a', 'known', T0 + 1)).toBe(false);
    expect(await table.hasDeviceReadings('fleet-b', 'known', 0)).toBe(false);
  });

  it('answers "a zone’s readings of the last hour" from the sparse zone index', async () => {
    // Prepare
    const table = readingsTable(db.documentClient, tableName);
    const hour = 3_600_000;
    await store(
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

  describe('a zone’s readings in a time range', () => {
    // Five devices reporting on the same seconds: ties on ts are the norm in a zone, not an edge.
    const devices = ['d0', 'd1', 'd2', 'd3', 'd4'];
    const zoned = devices.flatMap((deviceId) => Array.from({ length: 6 }, (_, k) => enrichedReading({ deviceId, ts: T0 - k * 1000, zoneId: 'quay' })));
    const query = { fleetId: 'fleet-zq', zoneId: 'quay', since: T0 - 4000, until: T0, limit: 7 };

    beforeAll(async () => {
      await store(items(zoned, 'fleet-zq'));
      await store(items([enrichedReading({ deviceId: 'e0', ts: T0, zoneId: 'other' }), enrichedReading({ deviceId: 'u0', ts: T0, zoneId: null })], 'fleet-zq'));
      await store(items([enrichedReading({ deviceId: 'd9', ts: T0, zoneId: 'quay' })], 'fleet-zq-neighbour'));
    });

    it('pages newest first across devices sharing timestamps, each reading once, whole items from the table', async () => {
      // Prepare
      const table = readingsTable(db.documentClient, tableName);

      // Act
      const pages = await allPages(table, query);

      // Assess
      expect(pages.map((p) => p.items.length)).toEqual([7, 7, 7, 4]);
      const served = pages.flatMap((p) => p.items);
      const ts = served.map((i) => i.ts);
      expect(ts).toEqual([...ts].sort((a, b) => b - a));
      expect(new Set(served.map((i) => `${i.pk}@${i.ts}`)).size).toBe(25);
      expect(served.every((i) => i.pk.startsWith('fleet-zq#') && i.zoneKey === 'fleet-zq#quay' && i.ts >= T0 - 4000)).toBe(true);
      expect(served[0]).toEqual((await get(served[0])).Item);
      expect(pages[3].next).toBeUndefined();
    });

    it('ends on the last page without a trailing empty page, and keeps until inclusive', async () => {
      // Prepare
      const table = readingsTable(db.documentClient, tableName);

      // Act
      const exact = await table.zoneReadings({ ...query, limit: 25 });
      const short = await table.zoneReadings({ ...query, limit: 24 });
      const oneSecond = await table.zoneReadings({ ...query, since: T0 - 1000, until: T0 - 1000, limit: 100 });

      // Assess
      expect([exact.items.length, exact.next]).toEqual([25, undefined]);
      expect([short.items.length, short.next?.ts]).toEqual([24, T0 - 4000]);
      expect(oneSecond.items.map((i) => i.pk).sort()).toEqual(devices.map((d) => `fleet-zq#${d}`));
    });

    it('retries the table reads DynamoDB leaves unprocessed', async () => {
      // Prepare
      const injected = withUnprocessedKeys(db.documentClient, 1, 3);
      const table = readingsTable(injected.client, tableName, fast);

      // Act
      const page = await table.zoneReadings({ ...query, limit: 10 });

      // Assess
      expect(injected.sent).toEqual([10, 7]);
      expect(page.items).toHaveLength(10);
      const ts = page.items.map((i) => i.ts);
      expect(ts).toEqual([...ts].sort((a, b) => b - a));
    });

    it('fails when table reads stay unprocessed after the last attempt', async () => {
      // Prepare
      const injected = withUnprocessedKeys(db.documentClient, Infinity, 0);
      const table = readingsTable(injected.client, tableName, { ...fast, maxAttempts: 2 });

      // Act / Assess
      await expect(table.zoneReadings(query)).rejects.toBeInstanceOf(UnprocessedKeysError);
    });

    it('tells a zone with readings from one without, per fleet', async () => {
      // Prepare
      const table = readingsTable(db.documentClient, tableName);

      // Act / Assess
      expect(await table.hasZoneReadings('fleet-zq', 'quay', T0)).toBe(true);
      expect(await table.hasZoneReadings('fleet-zq', 'quay', T0 + 1)).toBe(false);
      expect(await table.hasZoneReadings('fleet-zq', 'nowhere', 0)).toBe(false);
      expect(await table.hasZoneReadings('fleet-zq-neighbour', 'other', 0)).toBe(false);
    });
  });
});
