import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { eventually, tempDirectory } from './channels/__fixtures__/channel-harness';
import { startDynamoDb, type LocalDynamoDbServer } from './dynamodb';

// dynalite-process.cjs keeps each table's description in memory; every change to a table
// must reach the next request, which validates items against the description it reads.
describe.each([
  ['on disk', true],
  ['in memory', false],
])('dynalite table descriptions (%s)', (_medium, onDisk) => {
  let temp: ReturnType<typeof tempDirectory>;
  let server: LocalDynamoDbServer;
  let client: DynamoDBClient;

  beforeEach(async () => {
    temp = tempDirectory('dynalite-tables');
    server = await startDynamoDb({ port: 0, services: [], region: 'us-east-1', ...(onDisk ? { directory: temp.path } : {}) });
    client = new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });

  afterEach(async () => {
    client.destroy();
    await server.close();
    temp.remove();
  });

  const waiting = { maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 };
  // Provisioned, so UpdateTable has a throughput to change.
  const throughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
  const createShapes = async (key: string) => {
    await client.send(
      new CreateTableCommand({
        TableName: 'Shapes',
        ProvisionedThroughput: throughput,
        AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      }),
    );
    await waitUntilTableExists({ ...waiting, client }, { TableName: 'Shapes' });
  };
  const put = (item: Record<string, { S: string } | { N: string }>) => client.send(new PutItemCommand({ TableName: 'Shapes', Item: item }));

  it('describes the throughput UpdateTable set on a table already read', async () => {
    await createShapes('pk');
    await put({ pk: { S: 'a' } });
    await client.send(new DescribeTableCommand({ TableName: 'Shapes' }));

    await client.send(new UpdateTableCommand({ TableName: 'Shapes', ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 9 } }));

    const table = await eventually('the update applied', async () => {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: 'Shapes' }));
      return Table?.TableStatus === 'ACTIVE' ? Table : undefined;
    });
    expect(table.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 9 });
  });

  it('forgets a deleted table and validates against the key schema of the one created in its place', async () => {
    await createShapes('pk');
    await put({ pk: { S: 'a' } });

    await client.send(new DeleteTableCommand({ TableName: 'Shapes' }));
    await waitUntilTableNotExists({ ...waiting, client }, { TableName: 'Shapes' });
    await expect(put({ pk: { S: 'a' } })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await createShapes('id');

    await expect(put({ pk: { S: 'a' } })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(put({ id: { S: 'x' } })).resolves.toBeDefined();
  });
});
