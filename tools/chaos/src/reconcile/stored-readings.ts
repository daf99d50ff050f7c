import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';

export interface StoredReadings {
  /** readingId → every key it is stored under (`<pk>|<ts>`); more than one is a duplicate. */
  readonly keysOf: ReadonlyMap<string, readonly string[]>;
  readonly items: number;
}

export interface StoredReadingsSource {
  readonly endpoint: string;
  readonly region: string;
  readonly table: string;
  /** The Readings table's key attributes (persist's declaration: pk `<fleetId>#<deviceId>`, sk `ts`). */
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** Parallel segments: dynalite answers each Scan page on its own; four keep both cores busy. */
const SEGMENTS = 4;

/**
 * Scans the whole Readings table (keys only) with the real SDK. The readingId is derived as
 * persist derives it (apps/persist/src/domain/reading-item.ts): the device id after the first
 * `#` of pk, `@`, ts.
 */
export async function scanStoredReadings(source: StoredReadingsSource): Promise<StoredReadings> {
  const client = new DynamoDBClient({
    endpoint: source.endpoint,
    region: source.region,
    credentials: { accessKeyId: 'pulse-reconcile', secretAccessKey: 'local' },
  });
  const keysOf = new Map<string, string[]>();
  let items = 0;
  const add = (item: Record<string, AttributeValue>) => {
    const pk = item[source.partitionKey]?.S;
    const ts = item[source.sortKey]?.N;
    if (pk === undefined || ts === undefined) return;
    items += 1;
    const readingId = `${pk.slice(pk.indexOf('#') + 1)}@${ts}`;
    const keys = keysOf.get(readingId);
    if (keys) keys.push(`${pk}|${ts}`);
    else keysOf.set(readingId, [`${pk}|${ts}`]);
  };
  try {
    await Promise.all(
      Array.from({ length: SEGMENTS }, async (_, segment) => {
        let start: Record<string, AttributeValue> | undefined;
        do {
          const page = await client.send(
            new ScanCommand({
              TableName: source.table,
              Segment: segment,
              TotalSegments: SEGMENTS,
              ProjectionExpression: '#pk, #ts',
              ExpressionAttributeNames: { '#pk': source.partitionKey, '#ts': source.sortKey },
              ExclusiveStartKey: start,
            }),
          );
          for (const item of page.Items ?? []) add(item);
          start = page.LastEvaluatedKey;
        } while (start);
      }),
    );
  } finally {
    client.destroy();
  }
  return { keysOf, items };
}
