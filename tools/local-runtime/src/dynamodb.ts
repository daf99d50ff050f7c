import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { createTableInput, type ServiceDeclaration } from '@pulse/service-kit';
import { physicalName } from './local-contract';
import { explainListenError } from './port-check';

export interface LocalDynamoDbServer {
  readonly endpoint: string;
  readonly port: number;
  /** Logical table name → physical name, for the functions' environment. */
  readonly tables: Readonly<Record<string, string>>;
  /** Stops dynalite and starts it again on the same port and state (fault drills: "DynamoDB unavailable"). */
  restart(options?: { downMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export interface DynamoDbOptions {
  readonly port: number;
  /** On disk (LevelDB) when given; in memory otherwise (`--in-memory`). */
  readonly directory?: string;
  readonly services: readonly ServiceDeclaration[];
  readonly region: string;
}

/**
 * dynalite in its own process (a core of its own rather than the bus's event loop, and it
 * dies with the runtime), with every table the services declare (created once; kept on disk).
 */
export async function startDynamoDb(options: DynamoDbOptions): Promise<LocalDynamoDbServer> {
  let server = await spawnDynalite(options.port, options.directory);
  const endpoint = `http://127.0.0.1:${server.port}`;
  try {
    const tables = await withLockRetry(() => createDeclaredTables(endpoint, options.services, options.region), async () => {
      await server.stop();
      server = await spawnDynalite(server.port, options.directory);
    });
    return {
      endpoint,
      port: server.port,
      tables,
      async restart(restartOptions = {}) {
        await server.stop();
        await new Promise((resolve) => setTimeout(resolve, restartOptions.downMs ?? 0));
        server = await spawnDynalite(server.port, options.directory);
        // In memory, a restart forgets everything: the tables come back empty.
        await createDeclaredTables(endpoint, options.services, options.region);
      },
      close: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * After a crash the previous dynalite may hold the LevelDB lock for a moment while it notices
 * its parent is gone; the new one then fails its first request. Start it again until it holds.
 */
async function withLockRetry<T>(attempt: () => Promise<T>, respawn: () => Promise<void>, tries = 25): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await respawn();
    }
  }
}

async function spawnDynalite(requestedPort: number, directory: string | undefined): Promise<{ port: number; stop(): Promise<void> }> {
  const script = join(__dirname, 'dynalite-process.cjs');
  const child = fork(script, [String(requestedPort), ...(directory ? [directory] : [])], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
  const port = await listeningPort(child, requestedPort);
  return {
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill();
      await once(child, 'exit');
    },
  };
}

async function listeningPort(child: ChildProcess, requested: number): Promise<number> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  type Started = { port?: number; error?: string };
  const message = await Promise.race<Started>([
    once(child, 'message').then(([value]) => value as Started),
    once(child, 'exit').then(() => ({ error: stderr.trim() || 'exited' })),
  ]);
  if (message.port) return message.port;
  const error = message.error === 'EADDRINUSE' ? Object.assign(new Error('in use'), { code: 'EADDRINUSE' }) : new Error(`dynalite did not start: ${message.error ?? stderr}`);
  throw explainListenError(error, 'dynamodb', requested);
}

async function createDeclaredTables(endpoint: string, services: readonly ServiceDeclaration[], region: string): Promise<Record<string, string>> {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'pulse-local', secretAccessKey: 'local' } });
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    const names: Record<string, string> = {};
    for (const table of services.flatMap((service) => service.tables ?? [])) {
      const name = physicalName(table.name);
      names[table.name] = name;
      if (existing.has(name)) continue;
      await client.send(new CreateTableCommand(createTableInput(table, name)));
      await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 }, { TableName: name });
    }
    return names;
  } finally {
    client.destroy();
  }
}
