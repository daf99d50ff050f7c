import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ServiceDeclaration, TableDeclaration } from '@pulse/service-kit';
import { dynamoItemBytes, projected, writeUnitsFor } from '../measure/dynamodb-item-size';

export interface ItemSizes {
  readonly items: number;
  /** Averages per item (DynamoDB's size rules) and per-item write units. */
  readonly tableBytes: number;
  readonly tableWru: number;
  /** Over the items that have the first index's partition key (a sparse index). */
  readonly indexedItems: number;
  readonly indexBytes: number;
  readonly indexWru: number;
}

/** Sizes of the items really stored in a table (a full Scan), and of their first index's entries. */
export async function storedItemSizes(client: DynamoDBDocumentClient, table: TableDeclaration, physicalName: string): Promise<ItemSizes> {
  const index = table.globalIndexes?.[0];
  const indexAttributes = index
    ? [
        table.partitionKey.name,
        ...(table.sortKey ? [table.sortKey.name] : []),
        index.partitionKey.name,
        ...(index.sortKey ? [index.sortKey.name] : []),
        ...(index.projection && index.projection !== 'ALL' && index.projection !== 'KEYS_ONLY' ? index.projection.include : []),
      ]
    : [];
  let items = 0;
  let tableBytes = 0;
  let tableWru = 0;
  let indexedItems = 0;
  let indexBytes = 0;
  let indexWru = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: physicalName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of page.Items ?? []) {
      items += 1;
      const bytes = dynamoItemBytes(item);
      tableBytes += bytes;
      tableWru += writeUnitsFor(bytes);
      if (index && item[index.partitionKey.name] !== undefined) {
        const entry = index.projection === 'ALL' ? bytes : dynamoItemBytes(projected(item, [...new Set(indexAttributes)]));
        indexedItems += 1;
        indexBytes += entry;
        indexWru += writeUnitsFor(entry);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  const avg = (sum: number, count: number) => (count > 0 ? sum / count : 0);
  return {
    items,
    tableBytes: avg(tableBytes, items),
    tableWru: avg(tableWru, items),
    indexedItems,
    indexBytes: avg(indexBytes, indexedItems),
    indexWru: avg(indexWru, indexedItems),
  };
}

export function declaredTable(services: readonly ServiceDeclaration[], service: string, table: string): TableDeclaration {
  const found = services.find((s) => s.name === service)?.tables?.find((t) => t.name === table);
  if (!found) throw new Error(`${service} declares no table ${table}`);
  return found;
}
