import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { S3Client } from '@aws-sdk/client-s3';
import type { LocalRuntime } from '@pulse/local-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface ChannelClients {
  readonly kinesis: KinesisClient;
  readonly s3: S3Client;
  readonly streamName: string;
  readonly bucket: string;
  destroy(): void;
}

/** SDK clients for the runtime's Kinesis stream and drop bucket, as a gateway would use them. */
export function channelClients(runtime: LocalRuntime): ChannelClients {
  const { endpoints, channels } = runtime;
  // kinesalite speaks HTTP/1 only: the SDK's default HTTP/2 handler fails against it.
  const kinesis = new KinesisClient({
    endpoint: endpoints.kinesis,
    region: endpoints.region,
    credentials: { accessKeyId: 'reliability', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
  });
  const s3 = new S3Client({ endpoint: endpoints.s3, region: endpoints.region, credentials: channels.s3Credentials, forcePathStyle: true });
  const streamName = channels.streams['Readings'];
  const bucket = channels.buckets['Drops'];
  if (!streamName || !bucket) throw new Error('the runtime declares no Readings stream or Drops bucket');
  return {
    kinesis,
    s3,
    streamName,
    bucket,
    destroy() {
      kinesis.destroy();
      s3.destroy();
    },
  };
}

/** An EventBridge client for the local bus signing with `accessKeyId` (the bus reads it as the caller's identity). */
export function busClient(runtime: LocalRuntime, accessKeyId: string): EventBridgeClient {
  return new EventBridgeClient({ endpoint: runtime.endpoints.eventbridge, region: runtime.endpoints.region, credentials: { accessKeyId, secretAccessKey: 'local' } });
}
