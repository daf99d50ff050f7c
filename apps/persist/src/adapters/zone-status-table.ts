import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page, ZoneStatusReader } from '../domain/ports';
import type { ZoneStatus } from '../domain/zone-status';

/** The read side of ZoneStatus (list-zones); store-readings writes through zone-status-writer.ts. */
export function zoneStatusTable(client: DynamoDBDocumentClient, tableName: string): ZoneStatusReader {
  return {
    async list(fleetId, limit, after): Promise<Page<ZoneStatus, string>> {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'fleetId = :fleet',
          ExpressionAttributeValues: { ':fleet': fleetId },
          Limit: limit + 1,
          ...(after !== undefined ? { ExclusiveStartKey: { fleetId, zoneId: after } } : {}),
        }),
      );
      const items = (result.Items ?? []) as ZoneStatus[];
      if (items.length > limit) return { items: items.slice(0, limit), next: items[limit - 1].zoneId };
      const last = result.LastEvaluatedKey?.zoneId as string | undefined;
      return last === undefined ? { items } : { items, next: last };
    },
  };
}
