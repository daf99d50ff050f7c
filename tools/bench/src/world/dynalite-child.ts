import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '@pulse/service-kit';
import type { LocalDynamoDb } from '@pulse/service-kit/testing';

/**
 * dynalite in its own process on a free loopback port, in memory. The service kit's
 * `startLocalDynamoDb({ childProcess: true })` passes `--port 0` to dynalite's CLI, which reads
 * 0 as "unset" and takes 4567 — the local runtime's Kinesis port — so the bench hung whenever
 * `npm start` ran beside it. This starts dynalite with `listen(0)` and reads the real port.
 */
export async function startDynaliteProcess(): Promise<LocalDynamoDb> {
  const script = [
    `const server = require(${JSON.stringify(require.resolve('dynalite'))})({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });`,
    "server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${server.address().port}\\n`));",
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`dynalite exited with code ${String(code)} before listening`);
  });
  const [chunk] = (await Promise.race([once(child.stdout, 'data'), exited])) as [Buffer];
  exited.catch(() => undefined);
  const port = Number(/port (\d+)/.exec(chunk.toString())?.[1]);
  if (!Number.isInteger(port) || port === 0) {
    child.kill();
    throw new Error(`dynalite did not report its port: ${chunk.toString()}`);
  }
  child.stdout.resume();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    endpoint,
    client,
    documentClient,
    async createTables(tables) {
      const names: Record<string, string> = {};
      for (const table of tables) {
        const physical = `${table.name}-${randomUUID().slice(0, 8)}`;
        await client.send(new CreateTableCommand(createTableInput(table, physical)));
        await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 }, { TableName: physical });
        names[table.name] = physical;
      }
      return names;
    },
    async close() {
      client.destroy();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exit = once(child, 'exit');
      child.kill();
      await exit;
    },
  };
}
