import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDb, type LocalDynamoDbServer } from './dynamodb';

describe('dynalite on disk', () => {
  let directory: string;
  let server: LocalDynamoDbServer | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'pulse-dynalite-'));
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  it("keeps 8 MB of writes in LevelDB's write buffer, where its 4 MB default would have flushed a table file", async () => {
    // Prepare
    server = await startDynamoDb({ port: 0, directory, services: [], region: 'us-east-1' });
    const client = new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await client.send(
      new CreateTableCommand({
        TableName: 'Writes',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );

    // Act: 32 batches of 25 items of 10 KB
    const body = 'x'.repeat(10_000);
    for (let batch = 0; batch < 32; batch += 1) {
      const items = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `item-${batch}-${i}` }, body: { S: body } } } }));
      await client.send(new BatchWriteItemCommand({ RequestItems: { Writes: items } }));
    }
    client.destroy();

    // Assess: every write is in the log, none flushed yet
    const files = readdirSync(directory);
    const logBytes = files.filter((f) => f.endsWith('.log')).reduce((sum, f) => sum + statSync(join(directory, f)).size, 0);
    expect(logBytes).toBeGreaterThan(8_000_000);
    expect(files.filter((f) => f.endsWith('.ldb'))).toEqual([]);
  });
});
