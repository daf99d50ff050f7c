import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { splitIntoBatches } from '@pulse/schemas';
import type { ApiKeyRecord } from '../domain/api-key';
import type { ApiKeyLookup } from '../domain/authorize-key';
import type { DeviceOwnership } from '../domain/device-ownership';
import type { DeviceRecord, DeviceRepository } from '../domain/device-registration';
import type { FleetStore } from '../domain/fleet-admin';
import { BY_FLEET_INDEX, deviceItem, devicePk, deviceRecordOf, fleetPk, keyItem, keyPk, keyRecordOf } from './fleets-table-items';

const BATCH_GET_MAX_KEYS = 100;
const UNPROCESSED_ATTEMPTS = 5;

/** The Fleets table behind every port ingest has on it (see fleets-table-items.ts for the layout). */
export class FleetsTable implements ApiKeyLookup, DeviceOwnership, DeviceRepository, FleetStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async findKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: keyPk(keyHash) } }));
    return Item ? keyRecordOf(Item) : undefined;
  }

  /** Distinct devices, 100 keys per BatchGetItem, calls in parallel; unprocessed keys are retried. */
  async ownedDevices(fleetId: string, deviceIds: readonly string[]): Promise<ReadonlySet<string>> {
    const owned = new Set<string>();
    await Promise.all(
      splitIntoBatches([...new Set(deviceIds)], BATCH_GET_MAX_KEYS).map(async (batch) => {
        for (const item of await this.batchGet(batch.map((id) => ({ pk: devicePk(id) })))) {
          if (item.fleetId === fleetId) owned.add(String(item.deviceId));
        }
      }),
    );
    return owned;
  }

  async getDevice(deviceId: string): Promise<DeviceRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: devicePk(deviceId) }, ConsistentRead: true }));
    return Item ? deviceRecordOf(Item) : undefined;
  }

  async saveDevice(record: DeviceRecord, expectedRevision: number | undefined): Promise<boolean> {
    return this.conditionalPut(
      deviceItem(record),
      expectedRevision === undefined ? 'attribute_not_exists(pk)' : 'revision = :expected',
      expectedRevision === undefined ? undefined : { ':expected': expectedRevision },
    );
  }

  async createFleet(fleetId: string, createdAt: number): Promise<boolean> {
    return this.conditionalPut({ pk: fleetPk(fleetId), kind: 'fleet', fleetId, createdAt }, 'attribute_not_exists(pk)');
  }

  async fleetExists(fleetId: string): Promise<boolean> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: fleetPk(fleetId) }, ConsistentRead: true }));
    return Item !== undefined;
  }

  async putKey(record: ApiKeyRecord): Promise<void> {
    if (!(await this.conditionalPut(keyItem(record), 'attribute_not_exists(pk)'))) throw new Error(`key ${record.keyId} already exists`);
  }

  async updateKey(record: ApiKeyRecord): Promise<void> {
    if (!(await this.conditionalPut(keyItem(record), 'attribute_exists(pk)'))) throw new Error(`key ${record.keyId} does not exist`);
  }

  async listKeys(fleetId: string): Promise<ApiKeyRecord[]> {
    const keys: ApiKeyRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: BY_FLEET_INDEX,
          KeyConditionExpression: 'byFleetPk = :fleet AND begins_with(byFleetSk, :key)',
          ExpressionAttributeValues: { ':fleet': fleetPk(fleetId), ':key': 'KEY#' },
          ExclusiveStartKey: start,
        }),
      );
      keys.push(...(page.Items ?? []).map(keyRecordOf));
      start = page.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  private async batchGet(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let pending = keys;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === UNPROCESSED_ATTEMPTS) throw new Error(`${pending.length} device lookups stayed unprocessed`);
      if (attempt > 0) await this.sleep(25 * 2 ** attempt);
      const result = await this.client.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: pending, ProjectionExpression: 'deviceId, fleetId' } },
        }),
      );
      items.push(...(result.Responses?.[this.tableName] ?? []));
      pending = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return items;
  }

  private async conditionalPut(item: Record<string, unknown>, condition: string, values?: Record<string, unknown>): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: condition, ...(values ? { ExpressionAttributeValues: values } : {}) }),
      );
      return true;
    } catch (error) {
      // By name: the error class may come from another copy of the SDK.
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
