import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ZoneStatusWriter } from '../domain/ports';
import { numberValue, zoneStatusAttributes } from './attribute-values';

/**
 * The write condition is the domain's `isNewer` in DynamoDB's words: the put lands only
 * if no status exists or the stored one is older (ties broken by readingId), so
 * concurrent writers converge on the newest status whatever their order.
 */
const NEWER_THAN_STORED = 'attribute_not_exists(fleetId) OR updatedAt < :ts OR (updatedAt = :ts AND readingId < :rid)';

/** One conditional PutItem per status, on the low-level client (store-readings needs no DocumentClient). */
export function zoneStatusWriter(client: DynamoDBClient, tableName: string): ZoneStatusWriter {
  return {
    async putIfNewer(status) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: zoneStatusAttributes(status),
            ConditionExpression: NEWER_THAN_STORED,
            ExpressionAttributeValues: { ':ts': numberValue(status.updatedAt), ':rid': { S: status.readingId } },
          }),
        );
        return true;
      } catch (error) {
        // A newer status is already stored: the expected outcome of a late batch, not a failure.
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
}
