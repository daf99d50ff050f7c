import { join } from 'node:path';
import type { InvokeOptions, InvokeResult } from '@pulse/function-runner';
import type { SqsServer } from '@pulse/local-sqs';
import type { EventSourceDeclaration, ServiceDeclaration } from '@pulse/service-kit';
import { s3Notifications, startKinesisPoller, startLocalKinesis, startLocalS3 } from './channels';
import { physicalResourceName } from './local-contract';
import { explainListenError } from './port-check';
import type { StatePaths } from './state-directory';

type KinesisSource = Extract<EventSourceDeclaration, { kind: 'kinesis' }>;
type S3Source = Extract<EventSourceDeclaration, { kind: 's3' }>;

export interface ChannelSetup {
  readonly services: readonly ServiceDeclaration[];
  readonly paths: StatePaths;
  readonly ports: { readonly kinesis: number; readonly s3: number };
  readonly inMemory: boolean;
  readonly region: string;
  readonly sqs: SqsServer;
  readonly invoke: (name: string, event: unknown, options?: InvokeOptions) => Promise<InvokeResult>;
  readonly log: (line: string) => void;
  readonly retryDelayMs?: number;
}

export interface Channels {
  readonly kinesisEndpoint: string;
  readonly s3Endpoint: string;
  /** Logical stream/bucket name → physical name. */
  readonly streams: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, string>>;
  /** What functions need to reach these servers besides their endpoints. */
  readonly functionEnvironment: Readonly<Record<string, string>>;
  /** What an S3 client (the simulator's, the AWS CLI's) signs with against s3rver. */
  readonly s3Credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Starts the pollers and notifications, once the function runner is there. */
  start(): void;
  /** Stops reading new records and notifications; what is in flight finishes. */
  stopIntake(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The declared non-bus triggers, as Lambda wires them: each stream gets a poller (the event
 * source mapping), each bucket's notifications go to their function, failures to the declared
 * on-failure queues.
 */
export async function startChannels(setup: ChannelSetup): Promise<Channels> {
  const sources = setup.services.flatMap((service) => service.eventSources ?? []);
  const streams = Object.fromEntries(setup.services.flatMap((s) => s.streams ?? []).map((s) => [s.name, physicalResourceName(s.name)]));
  const buckets = Object.fromEntries(setup.services.flatMap((s) => s.buckets ?? []).map((b) => [b.name, physicalResourceName(b.name)]));
  for (const source of sources) setup.sqs.createQueue(source.onFailureQueue);
  const deadLetter = (queue: string, body: string, attributes: Readonly<Record<string, string>>) =>
    void setup.sqs.sendMessage(queue, body, Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])));

  const kinesis = await startLocalKinesis({
    port: setup.ports.kinesis,
    streams: Object.values(streams),
    region: setup.region,
    ...(setup.inMemory ? {} : { directory: setup.paths.kinesis }),
  }).catch((error: unknown) => {
    throw explainListenError(error, 'kinesis', setup.ports.kinesis);
  });
  const s3 = await startLocalS3({ port: setup.ports.s3, directory: setup.paths.s3, buckets: Object.values(buckets) }).catch(async (error: unknown) => {
    await kinesis.close();
    throw explainListenError(error, 's3', setup.ports.s3);
  });

  const intakes: Array<{ stop(): Promise<void> }> = [];
  const stopIntake = async () => {
    await Promise.all(intakes.splice(0).map((intake) => intake.stop()));
  };
  return {
    s3Credentials: s3.credentials,
    kinesisEndpoint: kinesis.endpoint,
    s3Endpoint: s3.endpoint,
    streams,
    buckets,
    functionEnvironment: {},
    start() {
      for (const source of sources.filter((s): s is KinesisSource => s.kind === 'kinesis')) {
        intakes.push(
          startKinesisPoller({
            endpoint: kinesis.endpoint,
            region: setup.region,
            streamName: streams[source.stream],
            source,
            functionName: source.function,
            invoke: setup.invoke,
            deadLetter,
            // A stream the runtime keeps is read from its start once, then from the checkpoint.
            initialPosition: 'TRIM_HORIZON',
            ...(setup.inMemory ? {} : { checkpointFile: join(setup.paths.root, `kinesis-${streams[source.stream]}.checkpoint.json`) }),
            log: (line: string) => setup.log(`[kinesis] ${line}`),
          }),
        );
      }
      for (const source of sources.filter((s): s is S3Source => s.kind === 's3')) {
        intakes.push(
          s3Notifications({
            server: s3.server,
            bucket: buckets[source.bucket],
            source,
            functionName: source.function,
            invoke: setup.invoke,
            deadLetter,
            log: (line: string) => setup.log(`[s3] ${line}`),
            ...(setup.retryDelayMs === undefined ? {} : { retryDelayMs: setup.retryDelayMs }),
          }),
        );
      }
    },
    stopIntake,
    async close() {
      await stopIntake();
      await Promise.allSettled([kinesis.close(), s3.close()]);
    },
  };
}
