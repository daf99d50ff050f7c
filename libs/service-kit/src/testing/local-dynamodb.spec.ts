import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableDeclaration } from '../declaration/service-declaration';
import { startLocalDynamoDb, type LocalDynamoDb } from './local-dynamodb';

const readings: TableDeclaration = {
  name: 'Readings',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
  globalIndexes: [{ name: 'byZone', partitionKey: { name: 'zoneKey', type: 'S' }, sortKey: { name: 'sk', type: 'N' } }],
  localIndexes: [{ name: 'byReceived', sortKey: { name: 'receivedAt', type: 'N' }, projection: 'KEYS_ONLY' }],
  timeToLiveAttribute: 'expiresAt',
  billing: 'onDemand',
};

let dynamo: LocalDynamoDb;
beforeAll(async () => {
  dynamo = await startLocalDynamoDb();
});
afterAll(() => dynamo.close());

describe('local DynamoDB (dynalite) from declarations', () => {
  it('creates a declared table with its keys and indexes, under a unique physical name', async () => {
    // Act
    const names = await dynamo.createTables([readings]);
    const described = await dynamo.client.send(new DescribeTableCommand({ TableName: names.Readings }));
    // Assess
    expect(names.Readings).toMatch(/^Readings-/);
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(described.Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['byZone']);
    expect(described.Table?.LocalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['byReceived']);
  });

  it('serves real document-client reads, writes and index queries', async () => {
    const { Readings } = await dynamo.createTables([readings]);
    const item = { pk: 'fleet-1#d1', sk: 1700000000000, zoneKey: 'fleet-1#z1', receivedAt: 1, pm25: 12.5 };
    await dynamo.documentClient.send(new PutCommand({ TableName: Readings, Item: item }));
    const got = await dynamo.documentClient.send(new GetCommand({ TableName: Readings, Key: { pk: item.pk, sk: item.sk } }));
    const byZone = await dynamo.documentClient.send(
      new QueryCommand({
        TableName: Readings,
        IndexName: 'byZone',
        KeyConditionExpression: 'zoneKey = :z',
        ExpressionAttributeValues: { ':z': 'fleet-1#z1' },
      }),
    );
    expect(got.Item).toEqual(item);
    expect(byZone.Items).toEqual([item]);
  });
});

describe('local DynamoDB in a child process', () => {
  it('serves the same API from its own process and stops with close()', async () => {
    // Prepare
    const child = await startLocalDynamoDb({ childProcess: true });
    try {
      // Act
      const names = await child.createTables([readings]);
      await child.documentClient.send(new PutCommand({ TableName: names.Readings, Item: { pk: 'a', sk: 1 } }));
      const got = await child.documentClient.send(new GetCommand({ TableName: names.Readings, Key: { pk: 'a', sk: 1 } }));
      // Assess
      expect(got.Item).toEqual({ pk: 'a', sk: 1 });
    } finally {
      await child.close();
    }
    await expect(fetch(child.endpoint)).rejects.toThrow();
  });
});
