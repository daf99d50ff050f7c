import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { raisedItem, resolvedItem, type AlertItem, type AlertStatus } from '../domain/alert-item';
import type { AlertRecords } from '../domain/ports';
import type { OutboxEntry } from '../domain/zone-state';
import { ALERTS_BY_STATUS_INDEX, ALERTS_BY_ZONE_INDEX } from '../tables';
import { indexKeyFor, type AlertPosition } from './alert-cursor';

/** Queries one request may spend filling a page when a filter drops items (zone + status). */
export const MAX_QUERIES_PER_PAGE = 10;

export interface AlertListRequest {
  readonly fleetId: string;
  readonly status?: AlertStatus;
  readonly zoneId?: string;
  readonly limit: number;
  readonly start?: AlertPosition;
}

export interface AlertsTable extends AlertRecords {
  list(request: AlertListRequest): Promise<{ items: AlertItem[]; next?: AlertPosition }>;
}

type AlertRow = AlertItem & { alertKey: string; fleetStatus: string; fleetZone: string };

/** Newest first within a fleet: epoch ms zero-padded to 15 digits sorts as text. */
export function alertKeyOf(item: Pick<AlertItem, 'raisedAt' | 'alertId'>): string {
  return `${String(item.raisedAt).padStart(15, '0')}#${item.alertId}`;
}

function rowOf(item: AlertItem): AlertRow {
  return { ...item, alertKey: alertKeyOf(item), fleetStatus: `${item.fleetId}#${item.status}`, fleetZone: `${item.fleetId}#${item.zoneId}` };
}

const KEY_ATTRIBUTES = ['alertKey', 'fleetStatus', 'fleetZone'] as const;

function itemOf(row: Record<string, unknown>): AlertItem {
  const item = { ...row };
  for (const key of KEY_ATTRIBUTES) delete item[key];
  return item as AlertItem;
}

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

export function alertsTable(client: DynamoDBDocumentClient, tableName: string): AlertsTable {
  async function putRaised(entry: Extract<OutboxEntry, { type: 'AlertRaised' }>): Promise<void> {
    try {
      // Re-applying a raise (a retry) must not turn an already resolved alert back to open.
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: rowOf(raisedItem(entry.data)),
          ConditionExpression: 'attribute_not_exists(fleetId) OR #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async function applyResolved(entry: Extract<OutboxEntry, { type: 'AlertResolved' }>): Promise<void> {
    const { data } = entry;
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { fleetId: data.fleetId, alertKey: alertKeyOf(data) },
          ConditionExpression: 'attribute_exists(fleetId)',
          UpdateExpression: 'SET #status = :resolved, fleetStatus = :fleetStatus, lastTs = :lastTs, resolvedAt = :resolvedAt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':resolved': 'resolved',
            ':fleetStatus': `${data.fleetId}#resolved`,
            ':lastTs': data.lastTs,
            ':resolvedAt': data.resolvedAt,
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await client.send(new PutCommand({ TableName: tableName, Item: rowOf(resolvedItem(data)) }));
    }
  }

  return {
    apply: (entry) => (entry.type === 'AlertRaised' ? putRaised(entry) : applyResolved(entry)),

    async list({ fleetId, status, zoneId, limit, start }) {
      const index = indexKeyFor({ fleetId, status, zoneId });
      const [indexName, keyName, keyValue] = index.fleetZone
        ? [ALERTS_BY_ZONE_INDEX, 'fleetZone', index.fleetZone]
        : index.fleetStatus
          ? [ALERTS_BY_STATUS_INDEX, 'fleetStatus', index.fleetStatus]
          : [undefined, 'fleetId', fleetId];
      // Zone and status together: the zone index, filtered by status (a zone has few alerts).
      const filter = zoneId !== undefined && status !== undefined;
      const items: AlertItem[] = [];
      let next: Record<string, unknown> | undefined = start;
      for (let queries = 0; queries < MAX_QUERIES_PER_PAGE && items.length < limit; queries++) {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            ...(indexName ? { IndexName: indexName } : {}),
            KeyConditionExpression: '#pk = :pk',
            ...(filter ? { FilterExpression: '#status = :status' } : {}),
            ExpressionAttributeNames: { '#pk': keyName, ...(filter ? { '#status': 'status' } : {}) },
            ExpressionAttributeValues: { ':pk': keyValue, ...(filter ? { ':status': status } : {}) },
            ScanIndexForward: false,
            // Never read past the page: the cursor is where the last read stopped.
            Limit: limit - items.length,
            ...(next ? { ExclusiveStartKey: next } : {}),
          }),
        );
        items.push(...(out.Items ?? []).map(itemOf));
        next = out.LastEvaluatedKey;
        if (!next) break;
      }
      return { items, ...(next ? { next: next as AlertPosition } : {}) };
    },
  };
}
