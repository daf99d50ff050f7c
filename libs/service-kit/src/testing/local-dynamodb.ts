// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dynalite ships no types; the reference carries them to every project compiling this file
/// <reference path="./dynalite.d.ts" />
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createTableInput } from '../declaration/create-table-input';
import { withoutSdkLogging } from '../aws-clients';
import type { TableDeclaration } from '../declaration/service-declaration';

export interface LocalDynamoDb {
  /** http://127.0.0.1:<port>: set it as AWS_ENDPOINT_URL_DYNAMODB or pass it to the client factories. */
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  /** Creates the declared tables under unique names; resolves to logical name → physical name. */
  createTables(tables: readonly TableDeclaration[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  /**
   * Run dynalite in its own process, as the local runtime does, instead of in the caller's
   * event loop: benchmarks need this so the server does not share the client's core.
   */
  readonly childProcess?: boolean;
}

/**
 * Starts dynalite (real DynamoDB wire protocol, in memory) on a free loopback port, for
 * adapter tests and benchmarks that exercise the production SDK calls.
 */
export async function startLocalDynamoDb(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  const { port, stop } = options.childProcess ? await startChild() : await startInProcess();
  const endpoint = `http://127.0.0.1:${port}`;
  // Without the SDK's logger middleware, as the kit's own factories build their clients.
  const client = withoutSdkLogging(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
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
      await stop();
    },
  };
}

type Started = { port: number; stop: () => Promise<void> };

async function startInProcess(): Promise<Started> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return { port, stop };
}

async function startChild(): Promise<Started> {
  // dynalite's CLI reads `--port 0` as "unset" and takes 4567 (the runtime's Kinesis port):
  // a tiny script listens on a real free port and reports it instead.
  const script = "const s = require('dynalite')({ createTableMs: 0, deleteTableMs: 0 }); s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: __dirname });
  const line = await Promise.race([
    once(child.stdout, 'data').then(([chunk]) => String(chunk)),
    once(child, 'exit').then(() => ''),
  ]);
  const port = Number(line.trim());
  if (!Number.isInteger(port) || port === 0) throw new Error(`dynalite did not report its port: ${line}`);
  child.stdout.resume();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill();
    await once(child, 'exit');
  };
  return { port, stop };
}
