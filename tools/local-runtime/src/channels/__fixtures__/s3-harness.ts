import { S3Client } from '@aws-sdk/client-s3';
import { startLocalS3, type LocalS3 } from '../local-s3';
import { tempDirectory } from './channel-harness';

export const BUCKET = 'pulse-test-drops';
export const S3_DLQ = 'ingest-s3-dlq';

export interface S3Harness {
  readonly s3: LocalS3;
  /** A client as a developer would write it: made-up keys, SDK defaults but path-style. */
  readonly client: S3Client;
  readonly directory: string;
  close(): Promise<void>;
}

export async function startS3Harness(): Promise<S3Harness> {
  const dir = tempDirectory('s3');
  const s3 = await startLocalS3({ port: 0, directory: dir.path, buckets: [BUCKET] });
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'made-up' },
    forcePathStyle: true,
  });
  return {
    s3,
    client,
    directory: dir.path,
    async close() {
      client.destroy();
      await s3.close();
      dir.remove();
    },
  };
}
