import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { eventually, tempDirectory } from './channels/__fixtures__/channel-harness';
import { startDynamoDb, type LocalDynamoDbServer } from './dynamodb';

describe('dynalite on disk', () => {
  let temp: ReturnType<typeof tempDirectory>;
  let directory: string;
  let server: LocalDynamoDbServer | undefined;

  beforeEach(() => {
    temp = tempDirectory('dynalite');
    directory = temp.path;
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    temp.remove();
  });

  /** Batches of 25 items of 10 KB (~250 KB each) into a fresh table. */
  async function writeBatches(batches: number): Promise<void> {
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
    const body = 'x'.repeat(10_000);
    for (let batch = 0; batch < batches; batch += 1) {
      const items = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `item-${batch}-${i}` }, body: { S: body } } } }));
      await client.send(new BatchWriteItemCommand({ RequestItems: { Writes: items } }));
    }
    client.destroy();
  }

  it("keeps 8 MB of writes in LevelDB's write buffer, where its 4 MB default would have flushed a table file", async () => {
    // Act
    await writeBatches(32);

    // Assess: every write is in the log, none flushed yet
    const files = readdirSync(directory);
    const logBytes = files.filter((f) => f.endsWith('.log')).reduce((sum, f) => sum + statSync(join(directory, f)).size, 0);
    expect(logBytes).toBeGreaterThan(8_000_000);
    expect(files.filter((f) => f.endsWith('.ldb'))).toEqual([]);
  }, 30_000);

  it('runs LevelDB\'s flush and compaction thread at the lowest priority, and only that thread', async () => {
    // Act: past one 32 MB write buffer, so LevelDB starts its background thread and flushes
    await writeBatches(150);
    // The process looks for new threads every 500 ms; a busy machine may take longer.
    const pid = dynalitePid(directory);
    const nice = await eventually('a dynalite thread at nice 19', () => {
      const values = threadNiceValues(pid);
      return values.includes(19) && values;
    }, 10_000);

    // Assess: one thread of dynalite's process runs at nice 19, the others at 0
    expect(readdirSync(directory).filter((f) => f.endsWith('.ldb')).length).toBeGreaterThan(0);
    expect(nice.filter((n) => n === 19)).toHaveLength(1);
    expect(nice.filter((n) => n !== 19 && n !== 0)).toEqual([]);
  }, 60_000);
});

/** The dynalite child serving `directory` (its command line names it). */
function dynalitePid(directory: string): number {
  const pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  const match = pids.find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.some((arg) => arg.endsWith('dynalite-process.cjs')) && args.includes(directory);
    } catch {
      return false;
    }
  });
  if (!match) throw new Error(`no dynalite process for ${directory}`);
  return Number(match);
}

/** Field 19 of /proc/<pid>/task/<tid>/stat, after the command name in parentheses. */
function threadNiceValues(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}
