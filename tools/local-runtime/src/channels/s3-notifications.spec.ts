import { PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3EventSource } from '@pulse/service-kit';
import type { S3Event } from 'aws-lambda';
import { eventually, fail, logLines, RecordingFunction, startDeadLetterQueues, succeed, type DeadLetterQueues } from './__fixtures__/channel-harness';
import { BUCKET, S3_DLQ, startS3Harness, type S3Harness } from './__fixtures__/s3-harness';
import { s3Notifications, type S3Notifications, type S3NotificationsOptions } from './s3-notifications';

/** ingest's declaration, as in apps/ingest/src/subscription.ts. */
const SOURCE: S3EventSource = {
  kind: 's3',
  function: 'receive-s3-readings',
  bucket: 'Drops',
  events: ['s3:ObjectCreated:*'],
  prefix: 'incoming/',
  maximumRetryAttempts: 2,
  onFailureQueue: S3_DLQ,
};

describe('S3 notifications from s3rver to a function', () => {
  let harness: S3Harness;
  let queues: DeadLetterQueues;
  let fn: RecordingFunction;
  let notifications: S3Notifications | undefined;
  const output = logLines();

  const listen = (source: S3EventSource = SOURCE, extra: Partial<S3NotificationsOptions> = {}): S3Notifications => {
    notifications = s3Notifications({
      server: harness.s3.server,
      bucket: BUCKET,
      source,
      functionName: source.function,
      invoke: fn.invoke,
      deadLetter: queues.deadLetter,
      log: output.log,
      retryDelayMs: 5,
      ...extra,
    });
    return notifications;
  };
  const put = (key: string, body = 'x') => harness.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  const recordOf = (index: number) => (fn.invocations[index].event as S3Event).Records[0];

  beforeEach(async () => {
    harness = await startS3Harness();
    queues = await startDeadLetterQueues([S3_DLQ]);
    fn = new RecordingFunction();
    output.lines.length = 0;
  });

  afterEach(async () => {
    await notifications?.stop();
    notifications = undefined;
    await queues.close();
    await harness.close();
  });

  it('invokes the function asynchronously for an object created under the prefix, and not for one outside it', async () => {
    // Prepare
    const running = listen();
    // Act
    await put('reports/fleet-1/day.json');
    await put('incoming/fleet-1/my drop.ndjson', '{"a":1}\n');
    // Assess
    await eventually('one invocation', () => fn.invocations.length === 1);
    await running.stop();
    expect(fn.invocations).toHaveLength(1);
    expect(fn.invocations[0]).toMatchObject({ functionName: 'receive-s3-readings', mode: 'async' });
    expect((fn.invocations[0].event as S3Event).Records).toHaveLength(1);
    expect(recordOf(0)).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
        // URL-encoded with '+' for the space, as S3 sends keys
        object: { key: 'incoming/fleet-1/my+drop.ndjson', size: 8, eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    });
    expect(running.stats()).toMatchObject({ notified: 1, ignored: 1, invocations: 1, succeeded: 1, deadLettered: 0, inFlight: 0 });
  });

  it('retries a failing invocation maximumRetryAttempts times, then sends Lambda’s on-failure record to the queue', async () => {
    // Prepare
    fn.answer(() => fail('bus unreachable', 'PublishError'));
    listen();
    // Act
    await put('incoming/fleet-1/a.csv', 'deviceId,ts\n');
    const [message] = await eventually('the on-failure record', async () => {
      const messages = await queues.receive(S3_DLQ);
      return messages.length > 0 && messages;
    });
    // Assess
    expect(fn.invocations).toHaveLength(3);
    expect(message.body).toEqual({
      version: '1.0',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      requestContext: {
        requestId: expect.any(String),
        functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:receive-s3-readings:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: fn.invocations[0].event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'PublishError', errorMessage: 'bus unreachable' },
    });
    expect(message.attributes).toMatchObject({ CONDITION: 'RetriesExhausted', ERROR_TYPE: 'PublishError' });
    expect(notifications!.stats()).toMatchObject({ invocations: 3, retries: 2, deadLettered: 1, succeeded: 0 });
  });

  it('stops retrying once an attempt succeeds', async () => {
    // Prepare
    fn.answer((_event, call) => (call === 1 ? fail() : succeed()));
    const running = listen();
    // Act
    await put('incoming/fleet-1/b.ndjson');
    await eventually('a success', () => running.stats().succeeded === 1);
    // Assess
    expect(fn.invocations).toHaveLength(2);
    expect(fn.invocations[1].event).toEqual(fn.invocations[0].event);
    expect(await queues.receive(S3_DLQ)).toEqual([]);
  });

  it('notifies a multipart upload (lib-storage Upload) as ObjectCreated:CompleteMultipartUpload', async () => {
    // Prepare: 6 MiB in 5 MiB parts, so two parts
    const body = Buffer.alloc(6 * 1024 * 1024, 'p');
    listen();
    // Act
    await new Upload({ client: harness.client, params: { Bucket: BUCKET, Key: 'incoming/fleet-1/big.ndjson', Body: body }, partSize: 5 * 1024 * 1024 }).done();
    // Assess
    await eventually('the notification', () => fn.invocations.length === 1);
    expect(recordOf(0).eventName).toBe('ObjectCreated:CompleteMultipartUpload');
    expect(recordOf(0).s3.object).toMatchObject({ key: 'incoming/fleet-1/big.ndjson', size: body.length });
    const stored = await harness.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'incoming/fleet-1/big.ndjson' }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('matches declared event names exactly unless they end in *', async () => {
    // Prepare: only multipart uploads are declared
    listen({ ...SOURCE, events: ['s3:ObjectCreated:CompleteMultipartUpload'] });
    // Act
    await put('incoming/fleet-1/small.ndjson');
    await new Upload({ client: harness.client, params: { Bucket: BUCKET, Key: 'incoming/fleet-1/big.ndjson', Body: Buffer.alloc(5 * 1024 * 1024 + 1) } }).done();
    // Assess
    await eventually('the multipart notification', () => fn.invocations.length === 1);
    await notifications!.stop();
    expect(fn.invocations.map((_, index) => recordOf(index).s3.object.key)).toEqual(['incoming/fleet-1/big.ndjson']);
    expect(notifications!.stats()).toMatchObject({ notified: 1, ignored: 1 });
  });

  it('waits on stop for notifications still running or waiting to be retried', async () => {
    // Prepare: a long retry delay that stop must not wait out, and a function that fails once
    fn.answer((_event, call) => (call === 1 ? fail() : succeed()));
    const running = listen(SOURCE, { retryDelayMs: 60_000 });
    await put('incoming/fleet-1/c.ndjson');
    await eventually('the first attempt', () => fn.invocations.length === 1);
    // Act
    await running.stop();
    // Assess
    expect(fn.invocations).toHaveLength(2);
    expect(running.stats()).toMatchObject({ succeeded: 1, inFlight: 0 });
  });

  it('ignores other buckets’ objects', async () => {
    // Prepare
    const running = listen(SOURCE, { bucket: 'another-bucket' });
    // Act
    await put('incoming/fleet-1/d.ndjson');
    await running.stop();
    // Assess
    expect(fn.invocations).toHaveLength(0);
    expect(running.stats()).toMatchObject({ notified: 0, ignored: 0 });
  });
});
