import { DescribeStreamSummaryCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { functionArn } from '@pulse/function-runner';
import { systemClock, type Clock, type KinesisEventSource } from '@pulse/service-kit';
import { abortableSleep } from './abortable-sleep';
import { DEFAULT_REGION, errorText, LOCAL_ACCOUNT_ID, type ChannelLog, type InvokeFunction, type SendDeadLetter } from './channel-types';
import { CheckpointStore } from './kinesis-checkpoints';
import { localKinesisClient } from './kinesis-client';
import { ShardConsumer, type PollerCounters } from './kinesis-shard-consumer';
import { ShardReader, type InitialPosition } from './kinesis-shard-reader';

export interface KinesisPollerOptions {
  readonly endpoint: string;
  readonly region?: string;
  /** The physical stream name (the runtime's name for the declared logical stream). */
  readonly streamName: string;
  readonly source: KinesisEventSource;
  readonly functionName: string;
  readonly invoke: InvokeFunction;
  readonly deadLetter: SendDeadLetter;
  /** Where positions survive a restart (JSON, replaced atomically); none kept when absent. */
  readonly checkpointFile?: string;
  /** Where a shard without a checkpoint starts; the declaration's startingPosition unless said. */
  readonly initialPosition?: InitialPosition;
  /** Wait after a GetRecords that returned nothing (Pulse's local contract: 250 ms). */
  readonly idlePollMs?: number;
  /** Wait before retrying a failed batch; Lambda retries at once, a small pause keeps a failing loop from spinning. */
  readonly retryDelayMs?: number;
  readonly log: ChannelLog;
  /** Reads record ages (maximumRecordAgeSeconds, iterator age) and stamps failure records. */
  readonly clock?: Clock;
  readonly accountId?: string;
}

export interface KinesisPollerStats {
  readonly recordsRead: number;
  /** Invocations that ran the function (retries and bisected halves included). */
  readonly batchesInvoked: number;
  /** Records in failed invocations, counted once per failed invocation. */
  readonly recordsFailed: number;
  /** Records described to the on-failure queue and skipped. */
  readonly deadLettered: number;
  /** Age of the newest record of the latest batch when it was invoked, the oldest over the shards (Lambda's IteratorAge). */
  readonly iteratorAgeMs: number;
  /** Shard id → sequence number of the last record processed. */
  readonly checkpoints: Readonly<Record<string, string>>;
}

export interface KinesisPoller {
  /** Settles once every shard has its starting position (records put after it are seen), or on stop. */
  ready(): Promise<void>;
  /** Lets each shard finish the invocation in flight (and checkpoint it), then returns. */
  stop(): Promise<void>;
  stats(): KinesisPollerStats;
}

export const DEFAULT_IDLE_POLL_MS = 250;
export const DEFAULT_KINESIS_RETRY_DELAY_MS = 100;
const DISCOVERY_BACKOFF_MS = 1_000;

/**
 * Lambda's Kinesis event source mapping for one stream and function, one consumer per shard.
 * Returns at once; the stream is described in the background (and waited for, with a log line,
 * while it does not exist yet).
 */
export function startKinesisPoller(options: KinesisPollerOptions): KinesisPoller {
  const region = options.region ?? DEFAULT_REGION;
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const client = localKinesisClient(options.endpoint, region);
  const checkpoints = new CheckpointStore(options.checkpointFile, options.streamName, options.log);
  const counters: PollerCounters = { recordsRead: 0, batchesInvoked: 0, recordsFailed: 0, deadLettered: 0 };
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }));
  const fnArn = functionArn({ name: options.functionName }, { region, accountId });
  const consumers: ShardConsumer[] = [];
  const readers: ShardReader[] = [];
  let markDiscovered: () => void = () => undefined;
  const discovered = new Promise<void>((resolve) => (markDiscovered = resolve));

  const consumerOf = (shardId: string, streamArn: string): ShardConsumer => {
    const reader = new ShardReader(
      client,
      options.streamName,
      shardId,
      checkpoints.get(shardId),
      options.initialPosition ?? options.source.startingPosition,
      options.log,
    );
    readers.push(reader);
    return new ShardConsumer({
      reader,
      source: options.source,
      streamName: options.streamName,
      functionName: options.functionName,
      functionArn: fnArn,
      eventContext: { shardId, streamArn, region, invokeIdentityArn: `arn:aws:iam::${accountId}:role/pulse-local-${options.functionName}` },
      invoke: options.invoke,
      deadLetter: options.deadLetter,
      log: options.log,
      clock: options.clock ?? systemClock,
      idlePollMs: options.idlePollMs ?? DEFAULT_IDLE_POLL_MS,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_KINESIS_RETRY_DELAY_MS,
      counters,
      checkpoint: (sequenceNumber) => checkpoints.set(shardId, sequenceNumber),
      signal: stopping.signal,
    });
  };

  const running = (async () => {
    const stream = await discover(client, options.streamName, options.log, stopping.signal);
    if (stream === undefined) return;
    consumers.push(...stream.shardIds.map((shardId) => consumerOf(shardId, stream.streamArn)));
    markDiscovered();
    await Promise.all(consumers.map((consumer) => consumer.run()));
  })();
  let stopping$: Promise<void> | undefined;

  return {
    async ready() {
      await Promise.race([stopped, discovered]);
      await Promise.race([stopped, Promise.all(readers.map((reader) => reader.positioned))]);
    },
    stop() {
      stopping$ ??= (async () => {
        stopping.abort();
        await running;
        checkpoints.save();
        client.destroy();
      })();
      return stopping$;
    },
    stats: () => ({
      ...counters,
      iteratorAgeMs: Math.max(0, ...consumers.map((consumer) => consumer.iteratorAgeMs)),
      checkpoints: checkpoints.snapshot(),
    }),
  };
}

/** The stream's ARN and shards; retried until the stream exists. Undefined when stopped first. */
async function discover(
  client: KinesisClient,
  streamName: string,
  log: ChannelLog,
  signal: AbortSignal,
): Promise<{ streamArn: string; shardIds: string[] } | undefined> {
  for (let attempt = 1; !signal.aborted; attempt += 1) {
    try {
      return await describe(client, streamName);
    } catch (error) {
      if (attempt === 1 || attempt % 30 === 0) log(`kinesis ${streamName}: cannot describe the stream yet (${errorText(error).errorMessage}); retrying`);
      await abortableSleep(DISCOVERY_BACKOFF_MS, signal);
    }
  }
  return undefined;
}

async function describe(client: KinesisClient, streamName: string): Promise<{ streamArn: string; shardIds: string[] }> {
  const { StreamDescriptionSummary: summary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
  if (!summary?.StreamARN) throw new Error(`kinesis stream ${streamName} has no ARN`);
  const shardIds: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(nextToken ? new ListShardsCommand({ NextToken: nextToken }) : new ListShardsCommand({ StreamName: streamName }));
    for (const shard of page.Shards ?? []) if (shard.ShardId) shardIds.push(shard.ShardId);
    nextToken = page.NextToken;
  } while (nextToken);
  return { streamArn: summary.StreamARN, shardIds };
}
