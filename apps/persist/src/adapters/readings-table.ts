import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readInBatches } from '../domain/batch-reader';
import type { BatchWriteOptions } from '../domain/batch-writer';
import type { DeviceReadingsQuery, Page, ReadingsReader, ZonePosition, ZoneReadingsQuery, ZoneReadingsReader } from '../domain/ports';
import { deviceKey, idOfKey, zoneKey, type ReadingItem } from '../domain/reading-item';
import { BY_ZONE_INDEX, BY_ZONE_INCLUDE } from '../tables';

/** What the byZone index holds of a reading: keys plus BY_ZONE_INCLUDE. */
export type ZoneReadingItem = Pick<ReadingItem, 'pk' | 'ts' | 'zoneKey' | (typeof BY_ZONE_INCLUDE)[number]>;

type ReadingKey = Pick<ReadingItem, 'pk' | 'ts'>;

export interface ReadingsTable extends ReadingsReader, ZoneReadingsReader {
  /** A zone's readings with ts ≥ since, newest first (all pages). */
  zoneReadingsSince(fleetId: string, zoneId: string, since: number): Promise<ZoneReadingItem[]>;
}

/**
 * The read side of the Readings table, over the DocumentClient (store-readings writes through
 * readings-writer.ts). `batch` sets the retry rounds and backoff of BatchGetItem.
 */
export function readingsTable(client: DynamoDBDocumentClient, tableName: string, batch: BatchWriteOptions = {}): ReadingsTable {
  // Consistent reads: the index entry exists only once the table write committed, so every key
  // the index hands out is found (an eventually consistent read could miss a just-stored one).
  const sendBatchGet = async (keys: readonly ReadingKey[]) => {
    const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [...keys], ConsistentRead: true } } }));
    return {
      items: (result.Responses?.[tableName] ?? []) as ReadingItem[],
      unprocessed: (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as ReadingKey[],
    };
  };

  return {
    async deviceReadings(query: DeviceReadingsQuery): Promise<Page<ReadingItem, number>> {
      const pk = deviceKey(query.fleetId, query.deviceId);
      // One more than asked tells whether another page exists without a trailing empty page.
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND ts BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk, ':from': query.from, ':to': query.to },
          ScanIndexForward: false,
          Limit: query.limit + 1,
          ...(query.before !== undefined ? { ExclusiveStartKey: { pk, ts: query.before } } : {}),
        }),
      );
      const items = (result.Items ?? []) as ReadingItem[];
      if (items.length > query.limit) return { items: items.slice(0, query.limit), next: items[query.limit - 1].ts };
      // Fewer items with a LastEvaluatedKey: the 1 MB page cap, not the end.
      const last = result.LastEvaluatedKey?.ts as number | undefined;
      return last === undefined ? { items } : { items, next: last };
    },

    async hasDeviceReadings(fleetId, deviceId, since) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND ts >= :since',
          ExpressionAttributeValues: { ':pk': deviceKey(fleetId, deviceId), ':since': since },
          ProjectionExpression: 'ts',
          Limit: 1,
        }),
      );
      return (result.Items?.length ?? 0) > 0;
    },

    async zoneReadings(query: ZoneReadingsQuery): Promise<Page<ReadingItem, ZonePosition>> {
      const zk = zoneKey(query.fleetId, query.zoneId);
      // The index holds only what the zone view needs (narrow, so writes stay at 1 WRU per index
      // entry); it gives the page's keys, the table the whole readings.
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: BY_ZONE_INDEX,
          KeyConditionExpression: 'zoneKey = :zk AND ts BETWEEN :since AND :until',
          ExpressionAttributeValues: { ':zk': zk, ':since': query.since, ':until': query.until },
          ProjectionExpression: 'pk, ts',
          ScanIndexForward: false,
          Limit: query.limit + 1,
          ...(query.before !== undefined ? { ExclusiveStartKey: { zoneKey: zk, ts: query.before.ts, pk: deviceKey(query.fleetId, query.before.deviceId) } } : {}),
        }),
      );
      const found = (result.Items ?? []) as ReadingKey[];
      const keys = found.slice(0, query.limit);
      const last = found.length > query.limit ? keys[keys.length - 1] : (result.LastEvaluatedKey as ReadingKey | undefined);
      const items = inKeyOrder(keys, await readInBatches(keys, sendBatchGet, batch));
      return last === undefined ? { items } : { items, next: { ts: last.ts, deviceId: idOfKey(last.pk) } };
    },

    async hasZoneReadings(fleetId, zoneId, since) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: BY_ZONE_INDEX,
          KeyConditionExpression: 'zoneKey = :zk AND ts >= :since',
          ExpressionAttributeValues: { ':zk': zoneKey(fleetId, zoneId), ':since': since },
          ProjectionExpression: 'ts',
          Limit: 1,
        }),
      );
      return (result.Items?.length ?? 0) > 0;
    },

    async zoneReadingsSince(fleetId, zoneId, since) {
      const items: ZoneReadingItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const result = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: BY_ZONE_INDEX,
            KeyConditionExpression: 'zoneKey = :zk AND ts >= :since',
            ExpressionAttributeValues: { ':zk': zoneKey(fleetId, zoneId), ':since': since },
            ScanIndexForward: false,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...((result.Items ?? []) as ZoneReadingItem[]));
        start = result.LastEvaluatedKey;
      } while (start);
      return items;
    },
  };
}

/** BatchGetItem answers in any order; the page keeps the index's (newest first). A key TTL deleted meanwhile is dropped. */
function inKeyOrder(keys: readonly ReadingKey[], items: readonly ReadingItem[]): ReadingItem[] {
  const byKey = new Map(items.map((item) => [`${item.pk}|${item.ts}`, item]));
  return keys.flatMap((key) => byKey.get(`${key.pk}|${key.ts}`) ?? []);
}
