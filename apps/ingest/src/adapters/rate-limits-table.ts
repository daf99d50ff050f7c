import { GetItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RateStateStore, RateStateWrite } from '../domain/shared-fleet-rate-limiter';

/**
 * The RateLimits table: one item per fleet, `pk = FLEET#<fleetId>`, holding the shared
 * bucket's `tat` (epoch ms, see domain/gcra.ts) and `purgeAt`. Kept apart from Fleets so
 * receive-readings writes nothing but rate state, and a fleet's hot item shares no capacity
 * with the keys the authorizer reads.
 */
export const RATE_LIMITS_TABLE = 'RateLimits';
export const RATE_LIMITS_PURGE_AT = 'purgeAt';
/** An item whose bucket has refilled is the same as no item: TTL removes it an hour later. */
const PURGE_AFTER_FULL_S = 3600;

const key = (fleetId: string): Record<string, AttributeValue> => ({ pk: { S: `FLEET#${fleetId}` } });
const number = (value: number): AttributeValue => ({ N: String(value) });
const purgeAt = (tat: number) => number(Math.ceil(tat / 1000) + PURGE_AFTER_FULL_S);

/** The low-level client on purpose: `tat` is read back from a failed condition's raw item too. */
export class RateLimitsTable implements RateStateStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  restart(fleetId: string, now: number, tat: number): Promise<RateStateWrite> {
    return this.update(fleetId, `SET tat = :tat, ${RATE_LIMITS_PURGE_AT} = :purgeAt`, 'attribute_not_exists(tat) OR tat < :now', {
      ':tat': number(tat),
      ':now': number(now),
      ':purgeAt': purgeAt(tat),
    });
  }

  advance(fleetId: string, now: number, interval: number, ceiling: number): Promise<RateStateWrite> {
    return this.update(fleetId, `SET tat = tat + :interval, ${RATE_LIMITS_PURGE_AT} = :purgeAt`, 'tat BETWEEN :now AND :ceiling', {
      ':interval': number(interval),
      ':now': number(now),
      ':ceiling': number(ceiling),
      ':purgeAt': purgeAt(ceiling + interval),
    });
  }

  private async update(fleetId: string, update: string, condition: string, values: Record<string, AttributeValue>): Promise<RateStateWrite> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: key(fleetId),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ReturnValues: 'UPDATED_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const tat = tatOf(Attributes);
      if (tat === undefined) throw new Error('UpdateItem returned no tat');
      return { applied: true, tat };
    } catch (error) {
      // By name: the error class may come from another copy of the SDK.
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      // DynamoDB hands back the item that failed the condition; dynalite does not, so read it.
      const failed = (error as { Item?: Record<string, AttributeValue> }).Item ?? (await this.read(fleetId));
      return { applied: false, tat: tatOf(failed) };
    }
  }

  private async read(fleetId: string): Promise<Record<string, AttributeValue> | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: key(fleetId), ConsistentRead: true, ProjectionExpression: 'tat' }));
    return Item;
  }
}

function tatOf(item: Record<string, AttributeValue> | undefined): number | undefined {
  const value = item?.tat?.N;
  return value === undefined ? undefined : Number(value);
}
