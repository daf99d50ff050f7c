import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account';

export interface LocalS3 {
  readonly endpoint: string;
  readonly bucket: string;
  put(key: string, body: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * s3rver on loopback with one bucket. It accepts only key pairs it knows (TOOLCHAIN.md), so
 * the functions' `pulse-<service>`/`local` pairs are registered with its account.
 */
export async function startLocalS3(bucket: string, accessKeyIds: readonly string[]): Promise<LocalS3> {
  for (const id of accessKeyIds) DUMMY_ACCOUNT.createKeyPair(id, 'local');
  const directory = await mkdtemp(path.join(tmpdir(), 'pulse-bench-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    bucket,
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
