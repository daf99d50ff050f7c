import { BatchGetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ZoneStateStore } from '../domain/ports';
import type { ZoneState } from '../domain/zone-state';

const BATCH_GET_MAX_KEYS = 100;
const UNPROCESSED_RETRIES = 5;

/**
 * AlertState over DynamoDB. Reads are strongly consistent (1 RCU instead of 0.5 per item) so
 * an invocation decides from the latest version and conflicts stay rare; writes are whole-item
 * puts conditional on the version read (optimistic concurrency).
 */
export function alertStateTable(client: DynamoDBDocumentClient, tableName: string): ZoneStateStore {
  return {
    async load(fleetId, zoneIds) {
      const states = new Map<string, ZoneState>();
      for (let i = 0; i < zoneIds.length; i += BATCH_GET_MAX_KEYS) {
        let keys: Record<string, unknown>[] = zoneIds.slice(i, i + BATCH_GET_MAX_KEYS).map((zoneId) => ({ fleetId, zoneId }));
        for (let attempt = 0; keys.length > 0; attempt++) {
          if (attempt > UNPROCESSED_RETRIES) throw new Error(`AlertState: ${keys.length} keys still unprocessed by BatchGetItem`);
          if (attempt > 0) await sleep(25 * 2 ** attempt);
          const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
          for (const item of out.Responses?.[tableName] ?? []) states.set(String(item.zoneId), item as ZoneState);
          keys = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
        }
      }
      return states;
    },
    async save(state) {
      const stored: ZoneState = { ...state, version: state.version + 1 };
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: stored,
            ...(state.version === 0
              ? { ConditionExpression: 'attribute_not_exists(fleetId)' }
              : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': state.version } }),
          }),
        );
        return stored;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return 'conflict';
        throw error;
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
