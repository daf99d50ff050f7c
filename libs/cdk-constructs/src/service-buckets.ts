import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { ServiceScope } from './service-scope';

/**
 * The service's buckets: KMS with the platform key, TLS only, public access blocked, versioned,
 * expirations per declared prefix, and server access logs into one log bucket per service
 * (who dropped or read what is an audit question).
 */
export function createBuckets(ctx: ServiceScope): ReadonlyMap<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  const declared = ctx.declaration.buckets ?? [];
  if (declared.length === 0) return buckets;
  const removalPolicy = ctx.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  // S3 delivers access logs only to SSE-S3 buckets, hence not the platform key here.
  const accessLogs = new Bucket(ctx.scope, 'AccessLogsBucket', {
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(ctx.config.logRetentionDays) }],
    removalPolicy,
  });
  for (const bucket of declared) {
    buckets.set(
      bucket.name,
      new Bucket(ctx.scope, `Bucket${bucket.name}`, {
        encryption: BucketEncryption.KMS,
        encryptionKey: ctx.platform.key,
        bucketKeyEnabled: true,
        enforceSSL: true,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        versioned: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${bucket.name}/`,
        lifecycleRules: [
          ...(bucket.expirations ?? []).map((rule) => ({ prefix: rule.prefix, expiration: Duration.days(rule.days) })),
          // Versioning keeps overwritten drops recoverable, but not forever.
          { noncurrentVersionExpiration: Duration.days(30) },
        ],
        removalPolicy,
      }),
    );
  }
  return buckets;
}
