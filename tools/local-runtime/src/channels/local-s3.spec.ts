import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { GetObjectCommand, HeadObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { eventually, RecordingFunction, tempDirectory } from './__fixtures__/channel-harness';
import { BUCKET, S3_DLQ, startS3Harness, type S3Harness } from './__fixtures__/s3-harness';
import { startLocalS3 } from './local-s3';
import { s3Notifications } from './s3-notifications';

/** Debian's awscli (CI installs it); a Python-installed `aws` earlier on PATH may be another version. */
const AWS_CLI = process.env['PULSE_AWS_CLI'] ?? '/usr/bin/aws';
const run = promisify(execFile);

describe('startLocalS3 (s3rver in process)', () => {
  let harness: S3Harness;

  beforeEach(async () => {
    harness = await startS3Harness();
  });

  afterEach(async () => {
    await harness.close();
  });

  it('stores a streamed PutObject byte for byte with the SDK’s default checksum settings (aws-chunked decoded)', async () => {
    // Prepare: a stream body makes the SDK send aws-chunked framing with a trailing CRC32
    const body = Readable.from([Buffer.from('{"fleetId":"f1"}\n'), Buffer.from('{"fleetId":"f2"}\n')]);
    // Act
    await harness.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'incoming/f1/s.ndjson', Body: body, ContentLength: 34 }));
    // Assess
    const stored = await harness.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'incoming/f1/s.ndjson' }));
    expect(await stored.Body!.transformToString()).toBe('{"fleetId":"f1"}\n{"fleetId":"f2"}\n');
    expect(stored.ContentLength).toBe(34);
    expect(stored.ContentEncoding).toBeUndefined();
  });

  it('accepts any SigV4 credentials, and the S3RVER pair it hands out', async () => {
    // Prepare
    const official = new S3Client({ endpoint: harness.s3.endpoint, region: 'eu-central-1', credentials: harness.s3.credentials, forcePathStyle: true });
    try {
      // Act: the harness client signs with made-up keys
      await harness.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a.txt', Body: 'a' }));
      const { Buckets = [] } = await official.send(new ListBucketsCommand({}));
      const head = await official.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a.txt' }));
      // Assess
      expect(harness.s3.credentials).toEqual({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
      expect(Buckets.map((bucket) => bucket.Name)).toEqual([BUCKET]);
      expect(head.ContentLength).toBe(1);
    } finally {
      official.destroy();
    }
  });

  it('accepts a presigned-style query with any access key', async () => {
    // Prepare
    await harness.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'p.txt', Body: 'presigned' }));
    const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `AKIDMADEUP/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': '300',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': '0'.repeat(64),
    });
    // Act
    const response = await fetch(`${harness.s3.endpoint}/${BUCKET}/p.txt?${query.toString()}`);
    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('presigned');
  });

  it('keeps buckets and objects in its directory across a restart', async () => {
    const dir = tempDirectory('s3-restart');
    try {
      // Prepare
      const first = await startLocalS3({ port: 0, directory: dir.path, buckets: [BUCKET] });
      const writer = new S3Client({ endpoint: first.endpoint, region: 'us-east-1', credentials: first.credentials, forcePathStyle: true });
      await writer.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kept.txt', Body: 'kept' }));
      writer.destroy();
      await first.close();
      // Act
      const again = await startLocalS3({ port: 0, directory: dir.path, buckets: [BUCKET] });
      const reader = new S3Client({ endpoint: again.endpoint, region: 'us-east-1', credentials: again.credentials, forcePathStyle: true });
      try {
        const stored = await reader.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'kept.txt' }));
        // Assess
        expect(await stored.Body!.transformToString()).toBe('kept');
      } finally {
        reader.destroy();
        await again.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('takes `aws s3 cp` from the AWS CLI with dummy credentials, and notifies the upload', async () => {
    if (!existsSync(AWS_CLI)) {
      // CI installs Debian's awscli (.ci/run); there its absence is a broken setup, not a reason to skip.
      if (process.env['CI'] === 'true') throw new Error(`${AWS_CLI} is missing: CI must install the Debian awscli package`);
      process.stderr.write(`local-s3.spec: ${AWS_CLI} not found (apt-get install awscli); nothing checked outside CI.\n`);
      return;
    }
    // Prepare
    const fn = new RecordingFunction();
    const notifications = s3Notifications({
      server: harness.s3.server,
      bucket: BUCKET,
      source: { kind: 's3', function: 'receive-s3-readings', bucket: 'Drops', events: ['s3:ObjectCreated:*'], prefix: 'incoming/', maximumRetryAttempts: 2, onFailureQueue: S3_DLQ },
      functionName: 'receive-s3-readings',
      invoke: fn.invoke,
      deadLetter: () => undefined,
      log: () => undefined,
    });
    const dir = tempDirectory('cli');
    const env = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: dir.path,
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const cli = (...args: string[]) => run(AWS_CLI, ['--endpoint-url', harness.s3.endpoint, ...args], { env, timeout: 20_000 });
    try {
      writeFileSync(`${dir.path}/drop.csv`, 'deviceId,timestamp,pm25\nd-1,1700000000000,12\n');
      // Act
      await cli('s3', 'cp', `${dir.path}/drop.csv`, `s3://${BUCKET}/incoming/fleet-1/drop.csv`);
      await cli('s3', 'cp', `s3://${BUCKET}/incoming/fleet-1/drop.csv`, `${dir.path}/back.csv`);
      // Assess
      expect(readFileSync(`${dir.path}/back.csv`, 'utf8')).toBe(readFileSync(`${dir.path}/drop.csv`, 'utf8'));
      await eventually('the notification', () => fn.invocations.length === 1);
    } finally {
      await notifications.stop();
      dir.remove();
    }
  }, 30_000);
});
