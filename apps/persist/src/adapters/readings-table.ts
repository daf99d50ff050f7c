import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeInBatches, type BatchWriteOptions } from '../domain/batch-writer';
import type { DeviceReadingsQuery, Page, ReadingsReader, ReadingsWriter } from '../domain/ports';
import { deviceKey, zoneKey, type ReadingItem } from '../domain/reading-item';
import { BY_ZONE_INDEX, BY_ZONE_INCLUDE } from '../tables';

/** What the byZone index holds of a reading: keys plus BY_ZONE_INCLUDE. */
export type ZoneReadingItem = Pick<ReadingItem, 'pk' | 'ts' | 'zoneKey' | (typeof BY_ZONE_INCLUDE)[number]>;

export interface ReadingsTable extends ReadingsWriter, ReadingsReader {
  /** A zone's readings with ts ≥ since, newest first (all pages). */
  zoneReadingsSince(fleetId: string, zoneId: string, since: number): Promise<ZoneReadingItem[]>;
}

/** The Readings table over the DocumentClient. Writes never read first: a put is the whole story. */
export function readingsTable(client: DynamoDBDocumentClient, tableName: string, batch: BatchWriteOptions = {}): ReadingsTable {
  const sendBatch = async (items: readonly ReadingItem[]): Promise<readonly ReadingItem[]> => {
    const result = await client.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }),
    );
    return (result.UnprocessedItems?.[tableName] ?? []).map((request) => request.PutRequest?.Item as ReadingItem);
  };

  return {
    putAll: (items) => writeInBatches(items, sendBatch, batch),

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
