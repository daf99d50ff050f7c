import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateStreamCommand, DescribeStreamSummaryCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import kinesalite from 'kinesalite';
import { DEFAULT_REGION, LOCAL_ACCOUNT_ID } from './channel-types';
import { isNamed, localKinesisClient } from './kinesis-client';

export interface LocalKinesisOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** LevelDB directory (created if missing): streams and records survive a restart. In memory when absent. */
  readonly directory?: string;
  /** Created when missing (idempotent across restarts on the same directory), then awaited until ACTIVE. */
  readonly streams: readonly string[];
  /** Shards per created stream; 1 unless said. */
  readonly shards?: number;
  /** Region in the ARNs of the streams created by this server. */
  readonly region?: string;
}

export interface LocalKinesis {
  /** `http://host:port`, for a KinesisClient's `endpoint` or the CLI's `--endpoint-url`. */
  readonly endpoint: string;
  readonly port: number;
  /** The stream's ARN as kinesalite reports it (for event sources' `eventSourceARN`). */
  streamArn(name: string): string;
  close(): Promise<void>;
}

const ACTIVE_WAIT_MS = 10_000;

/** kinesalite in process, bound to loopback (its CLI has no --host and listens on every interface). */
export async function startLocalKinesis(options: LocalKinesisOptions): Promise<LocalKinesis> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? DEFAULT_REGION;
  if (options.directory !== undefined) mkdirSync(options.directory, { recursive: true });
  const server = createKinesalite(options.directory, region);
  try {
    await listen(server, options.port, host);
  } catch (error) {
    // Release the LevelDB lock, or the next attempt on this directory could not open it.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeServer(server));
  const arns = new Map<string, string>();
  const client = localKinesisClient(endpoint, region);
  try {
    for (const name of options.streams) arns.set(name, await ensureStream(client, name, options.shards ?? 1));
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    port,
    streamArn: (name) => arns.get(name) ?? `arn:aws:kinesis:${region}:${LOCAL_ACCOUNT_ID}:stream/${name}`,
    close,
  };
}

/**
 * kinesalite reads its region from the environment once, when its store is created, and writes it
 * into each new stream's ARN; setting it for that synchronous call is the only way to choose it.
 */
function createKinesalite(directory: string | undefined, region: string): Server {
  const saved = process.env['AWS_REGION'];
  process.env['AWS_REGION'] = region;
  try {
    return kinesalite({ ...(directory === undefined ? {} : { path: directory }), createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 });
  } finally {
    if (saved === undefined) delete process.env['AWS_REGION'];
    else process.env['AWS_REGION'] = saved;
  }
}

async function ensureStream(client: KinesisClient, name: string, shards: number): Promise<string> {
  try {
    await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  } catch (error) {
    // Already there from an earlier run on the same directory: keep it and its records.
    if (!isNamed(error, 'ResourceInUseException')) throw error;
  }
  const giveUpAt = Date.now() + ACTIVE_WAIT_MS;
  for (;;) {
    const { StreamDescriptionSummary: summary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    if (summary?.StreamStatus === 'ACTIVE' && summary.StreamARN) return summary.StreamARN;
    if (Date.now() > giveUpAt) throw new Error(`kinesis stream ${name} is still ${summary?.StreamStatus ?? 'unknown'} after ${ACTIVE_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Keep-alive sockets of clients would hold `close` open; they are cut so it returns at once. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
