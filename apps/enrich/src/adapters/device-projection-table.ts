import { BatchGetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '@pulse/service-kit';
import type { DeviceRecord } from '../domain/device';
import type { DeviceProjectionWriter, DeviceStore, ProjectionWriteOutcome } from '../domain/device-ports';
import { deviceFromItem, itemFromDevice } from './device-item';

/** BatchGetItem's per-call key limit. */
const MAX_KEYS_PER_BATCH_GET = 100;

export interface DeviceProjectionTableOptions {
  readonly client: Pick<DynamoDBDocumentClient, 'send'>;
  readonly tableName: string;
  readonly clock: Clock;
  /** Rounds of re-reading UnprocessedKeys (throttling) before giving up. Default 5. */
  readonly maxBatchGetRounds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The DeviceProjection table: pk fleetId, sk deviceId. Reads are BatchGetItem of a batch's
 * devices (≤ 200 → 2 parallel calls); writes are conditional puts that only a newer
 * revision passes, so duplicate or out-of-order device events never roll a device back.
 */
export function deviceProjectionTable(options: DeviceProjectionTableOptions): DeviceStore & DeviceProjectionWriter {
  const { client, tableName, clock, maxBatchGetRounds = 5, sleep = defaultSleep } = options;

  async function getChunk(fleetId: string, deviceIds: readonly string[]): Promise<Record<string, unknown>[]> {
    let keys: Record<string, unknown>[] = deviceIds.map((deviceId) => ({ fleetId, deviceId }));
    const items: Record<string, unknown>[] = [];
    for (let round = 0; keys.length > 0; round++) {
      // Unprocessed keys mean throttling: back off, and fail (→ EventBridge retry) rather than
      // enrich a registered device as unknown.
      if (round >= maxBatchGetRounds) throw new Error(`DeviceProjection: ${keys.length} keys still unprocessed after ${round} BatchGetItem rounds`);
      if (round > 0) await sleep(25 * 2 ** round);
      const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
      items.push(...((out.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
      keys = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
    return items;
  }

  return {
    async getDevices(fleetId, deviceIds) {
      const unique = [...new Set(deviceIds)];
      const chunks: string[][] = [];
      for (let i = 0; i < unique.length; i += MAX_KEYS_PER_BATCH_GET) chunks.push(unique.slice(i, i + MAX_KEYS_PER_BATCH_GET));
      const results = await Promise.all(chunks.map((chunk) => getChunk(fleetId, chunk)));
      const devices = new Map<string, DeviceRecord>();
      for (const item of results.flat()) {
        const device = deviceFromItem(item);
        devices.set(device.deviceId, device);
      }
      return devices;
    },

    async apply(record): Promise<ProjectionWriteOutcome> {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: itemFromDevice(record, clock.now()),
            ConditionExpression: 'attribute_not_exists(fleetId) OR revision < :revision',
            ExpressionAttributeValues: { ':revision': record.revision },
          }),
        );
        return 'applied';
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return 'stale';
        throw error;
      }
    },
  };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
