import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Stream, StreamEncryption, StreamMode } from 'aws-cdk-lib/aws-kinesis';
import type { ServiceScope } from './service-scope';

/** Kinesis streams: KMS with the platform key; on-demand unless the declaration fixes a shard count. */
export function createStreams(ctx: ServiceScope): ReadonlyMap<string, Stream> {
  const streams = new Map<string, Stream>();
  for (const declared of ctx.declaration.streams ?? []) {
    streams.set(
      declared.name,
      new Stream(ctx.scope, `Stream${declared.name}`, {
        streamName: ctx.names.stream(declared.name),
        streamMode: declared.shards === undefined ? StreamMode.ON_DEMAND : StreamMode.PROVISIONED,
        shardCount: declared.shards,
        retentionPeriod: Duration.hours(declared.retentionHours ?? 24),
        encryption: StreamEncryption.KMS,
        encryptionKey: ctx.platform.key,
        removalPolicy: ctx.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      }),
    );
  }
  return streams;
}
