import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page, ZoneStatusReader, ZoneStatusWriter } from '../domain/ports';
import type { ZoneStatus } from '../domain/zone-status';

/**
 * The write condition is the domain's `isNewer` in DynamoDB's words: the put lands only
 * if no status exists or the stored one is older (ties broken by readingId), so
 * concurrent writers converge on the newest status whatever their order.
 */
const NEWER_THAN_STORED = 'attribute_not_exists(fleetId) OR updatedAt < :ts OR (updatedAt = :ts AND readingId < :rid)';

export type ZoneStatusTable = ZoneStatusWriter & ZoneStatusReader;

export function zoneStatusTable(client: DynamoDBDocumentClient, tableName: string): ZoneStatusTable {
  return {
    async putIfNewer(status) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: status,
            ConditionExpression: NEWER_THAN_STORED,
            ExpressionAttributeValues: { ':ts': status.updatedAt, ':rid': status.readingId },
          }),
        );
        return true;
      } catch (error) {
        // A newer status is already stored: the expected outcome of a late batch, not a failure.
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

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
