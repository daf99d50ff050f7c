import { writeFileSync } from 'node:fs';
import type { KinesisStreamEvent } from 'aws-lambda';
import type { KinesisEventSource } from '@pulse/service-kit';
import { eventually, fail, logLines, RecordingFunction, startDeadLetterQueues, succeed, tempDirectory, type DeadLetterQueues } from './__fixtures__/channel-harness';
import { dataOf, DLQ, kinesisSource, sequencesOf, startKinesisHarness, STREAM, words, type KinesisHarness } from './__fixtures__/kinesis-harness';
import { startKinesisPoller, type KinesisPoller, type KinesisPollerOptions } from './kinesis-poller';

describe('the Kinesis poller (Lambda event source mapping) against kinesalite', () => {
  let harness: KinesisHarness;
  let queues: DeadLetterQueues;
  let poller: KinesisPoller | undefined;
  let fn: RecordingFunction;
  const output = logLines();

  const start = (source: KinesisEventSource = kinesisSource(), extra: Partial<KinesisPollerOptions> = {}): KinesisPoller => {
    poller = startKinesisPoller({
      endpoint: harness.kinesis.endpoint,
      streamName: STREAM,
      source,
      functionName: source.function,
      invoke: fn.invoke,
      deadLetter: queues.deadLetter,
      initialPosition: 'TRIM_HORIZON',
      idlePollMs: 10,
      retryDelayMs: 0,
      log: output.log,
      ...extra,
    });
    return poller;
  };
  const delivered = () => fn.invocations.flatMap(dataOf);

  beforeEach(async () => {
    harness = await startKinesisHarness();
    queues = await startDeadLetterQueues([DLQ]);
    fn = new RecordingFunction();
    output.lines.length = 0;
  });

  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
    await queues.close();
    await harness.close();
  });

  it('invokes the function synchronously with Lambda-shaped events, in order, never more than batchSize records', async () => {
    // Prepare
    const sequences = await harness.put(...words('r', 25));
    // Act
    const running = start();
    await eventually('all 25 records', () => delivered().length >= 25);
    // Assess
    expect(delivered()).toEqual(words('r', 25));
    expect(fn.invocations.every((invocation) => invocation.mode === 'sync' && invocation.functionName === 'receive-kinesis-readings')).toBe(true);
    expect(fn.invocations.map((invocation) => dataOf(invocation).length).every((size) => size >= 1 && size <= 10)).toBe(true);
    const first = (fn.invocations[0].event as KinesisStreamEvent).Records[0];
    expect(first).toEqual({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'fleet-1',
        sequenceNumber: sequences[0],
        data: Buffer.from('r0').toString('base64'),
        approximateArrivalTimestamp: expect.any(Number),
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000000:${sequences[0]}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::000000000000:role/pulse-local-receive-kinesis-readings',
      awsRegion: 'us-east-1',
      eventSourceARN: harness.kinesis.streamArn(STREAM),
    });
    // Seconds with a fraction, close to now (not milliseconds, not a Date).
    expect(Math.abs(first.kinesis.approximateArrivalTimestamp - Date.now() / 1000)).toBeLessThan(120);
    await eventually('the checkpoint on the last record', () => running.stats().checkpoints['shardId-000000000000'] === sequences[24]);
    expect(running.stats()).toMatchObject({ recordsRead: 25, recordsFailed: 0, deadLettered: 0 });
  });

  it('holds a batch open for the batching window and closes it as soon as batchSize records are there', async () => {
    // Prepare: a window far longer than the test; only a full batch can close it
    start(kinesisSource({ batchSize: 6, maximumBatchingWindowSeconds: 60 }));
    await poller!.ready();
    // Act
    await harness.put('a', 'b', 'c');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await harness.put('d', 'e', 'f');
    // Assess
    await eventually('one invocation', () => fn.invocations.length === 1);
    expect(dataOf(fn.invocations[0])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('starts at LATEST by default: records put before the poller is ready are not delivered', async () => {
    // Prepare
    await harness.put('old');
    start(kinesisSource(), { initialPosition: undefined });
    await poller!.ready();
    // Act
    await harness.put('new');
    // Assess
    await eventually('the new record', () => delivered().includes('new'));
    expect(delivered()).toEqual(['new']);
  });

  it('retries from the lowest failed record of a partial batch response, never redelivering the records before it', async () => {
    // Prepare: the first answer fails r5 and r3 (out of order on purpose), every later one succeeds
    const sequences = await harness.put(...words('r', 8));
    fn.answer((_event, call) =>
      call === 1 ? succeed({ batchItemFailures: [{ itemIdentifier: sequences[5] }, { itemIdentifier: sequences[3] }] }) : succeed({ batchItemFailures: [] }),
    );
    // Act
    const running = start();
    await eventually('a retry', () => fn.invocations.length >= 2);
    // Assess
    expect(dataOf(fn.invocations[0])).toEqual(words('r', 8));
    expect(dataOf(fn.invocations[1])).toEqual(['r3', 'r4', 'r5', 'r6', 'r7']);
    await eventually('the checkpoint on the last record', () => running.stats().checkpoints['shardId-000000000000'] === sequences[7]);
    expect(running.stats()).toMatchObject({ batchesInvoked: 2, recordsFailed: 5, deadLettered: 0 });
  });

  it('fails the whole batch for an empty itemIdentifier, as Lambda does', async () => {
    // Prepare
    await harness.put('a', 'b', 'c');
    fn.answer((_event, call) => succeed(call === 1 ? { batchItemFailures: [{ itemIdentifier: '' }] } : null));
    // Act
    start();
    await eventually('a retry', () => fn.invocations.length >= 2);
    // Assess: no bisect (the function did not error), the same three again
    expect(fn.invocations.map(dataOf)).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
  });

  it('bisects a batch whose invocation throws, isolates the poison record into the DLQ and processes the rest in order', async () => {
    // Prepare: any batch holding r5 throws; retries 2, so r5 alone is invoked 1 + 2 times
    const sequences = await harness.put(...words('r', 8));
    fn.answer((event) => (dataOf({ functionName: '', event, mode: 'sync' }).includes('r5') ? fail('cannot parse r5', 'SyntaxError') : succeed()));
    // Act
    const running = start();
    const [message] = await eventually('the on-failure record', async () => {
      const messages = await queues.receive(DLQ);
      return messages.length > 0 && messages;
    });
    await eventually('the checkpoint on the last record', () => running.stats().checkpoints['shardId-000000000000'] === sequences[7]);
    // Assess: halves 8 → 4 + 4 → 2 + 2 → 1 + 1, then r5 alone twice more
    expect(fn.invocations.map((invocation) => dataOf(invocation).join(','))).toEqual([
      'r0,r1,r2,r3,r4,r5,r6,r7',
      'r0,r1,r2,r3',
      'r4,r5,r6,r7',
      'r4,r5',
      'r4',
      'r5',
      'r5',
      'r5',
      'r6,r7',
    ]);
    expect(message.body).toEqual({
      requestContext: {
        requestId: expect.any(String),
        functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:receive-kinesis-readings',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 6,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      KinesisBatchInfo: {
        shardId: 'shardId-000000000000',
        startSequenceNumber: sequences[5],
        endSequenceNumber: sequences[5],
        approximateArrivalOfFirstRecord: expect.stringMatching(/Z$/),
        approximateArrivalOfLastRecord: expect.stringMatching(/Z$/),
        batchSize: 1,
        streamArn: harness.kinesis.streamArn(STREAM),
      },
      errorType: 'SyntaxError',
      errorMessage: 'cannot parse r5',
    });
    expect(message.attributes).toMatchObject({ CONDITION: 'RetryAttemptsExhausted', ERROR_TYPE: 'SyntaxError' });
    expect(running.stats().deadLettered).toBe(1);
  });

  it('without bisecting, describes the failing rest of the batch after its retries and goes on with the stream', async () => {
    // Prepare: b is always reported failed; nothing else fails
    const sequences = await harness.put('a', 'b', 'c');
    fn.answer((event) => {
      const failed = (event as KinesisStreamEvent).Records.filter((record) => record.kinesis.sequenceNumber === sequences[1]);
      return succeed({ batchItemFailures: failed.map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber })) });
    });
    const running = start(kinesisSource({ bisectBatchOnFunctionError: false, maximumRetryAttempts: 1 }));
    const [message] = await eventually('the on-failure record', async () => {
      const messages = await queues.receive(DLQ);
      return messages.length > 0 && messages;
    });
    // Act: the stream goes on after the failed records
    await harness.put('d');
    await eventually('d delivered', () => delivered().includes('d'));
    // Assess
    expect(fn.invocations.map((invocation) => dataOf(invocation).join(','))).toEqual(['a,b,c', 'b,c', 'd']);
    expect(message.body['KinesisBatchInfo']).toMatchObject({ startSequenceNumber: sequences[1], endSequenceNumber: sequences[2], batchSize: 2 });
    expect(message.body['requestContext']).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 2 });
    expect(message.body['responseContext']).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
    expect(running.stats().deadLettered).toBe(2);
  });

  it('describes records older than maximumRecordAgeSeconds without invoking the function', async () => {
    // Prepare: the clock reads two days ahead, so every record is past the 1-day limit
    const sequences = await harness.put('a', 'b');
    const twoDays = 2 * 86_400_000;
    // Act
    const running = start(kinesisSource(), { clock: { now: () => Date.now() + twoDays } });
    const [message] = await eventually('the on-failure record', async () => {
      const messages = await queues.receive(DLQ);
      return messages.length > 0 && messages;
    });
    // Assess
    expect(fn.invocations).toHaveLength(0);
    expect(message.body['requestContext']).toMatchObject({ condition: 'RecordAgeExceeded', approximateInvokeCount: 0 });
    expect(message.body['KinesisBatchInfo']).toMatchObject({ startSequenceNumber: sequences[0], endSequenceNumber: sequences[1], batchSize: 2 });
    await eventually('the checkpoint past them', () => running.stats().checkpoints['shardId-000000000000'] === sequences[1]);
  });

  it('keeps the shard waiting while the on-failure queue refuses the record, and never checkpoints past it', async () => {
    // Prepare: the queue refuses twice, then takes it
    const sequences = await harness.put('poison');
    fn.answer(() => fail());
    let refusals = 0;
    const sent: string[] = [];
    const deadLetter = (_queue: string, body: string) => {
      if (refusals < 2) {
        refusals += 1;
        throw new Error('queue down');
      }
      sent.push(body);
    };
    // Act
    const running = start(kinesisSource({ maximumRetryAttempts: 0 }), { deadLetter });
    await eventually('the record sent', () => sent.length === 1);
    // Assess
    expect(refusals).toBe(2);
    expect(output.lines.some((line) => line.includes('refused the record'))).toBe(true);
    await eventually('the checkpoint after the send', () => running.stats().checkpoints['shardId-000000000000'] === sequences[0]);
  });

  it('lets the invocation in flight finish and checkpoints it when stopped', async () => {
    // Prepare: the function blocks until released
    const sequences = await harness.put('a', 'b');
    let release: () => void = () => undefined;
    fn.answer(() => new Promise((resolve) => (release = () => resolve(succeed()))));
    const running = start();
    await eventually('the invocation', () => fn.invocations.length === 1);
    // Act
    const stopping = running.stop();
    release();
    await stopping;
    // Assess
    expect(running.stats().checkpoints['shardId-000000000000']).toBe(sequences[1]);
    expect(fn.invocations).toHaveLength(1);
  });

  it('resumes after the checkpoint file on restart: nothing processed twice, nothing put meanwhile missed', async () => {
    const dir = tempDirectory('checkpoint');
    try {
      // Prepare: a first run processes five records
      const checkpointFile = `${dir.path}/state/kinesis.checkpoint.json`;
      await harness.put(...words('first', 5));
      start(kinesisSource(), { checkpointFile });
      await eventually('five records', () => delivered().length === 5);
      await eventually('the checkpoint', () => poller!.stats().checkpoints['shardId-000000000000'] !== undefined);
      await poller!.stop();
      // Act: three more while stopped, then a second poller on the same file
      await harness.put(...words('second', 3));
      const before = fn.invocations.length;
      start(kinesisSource(), { checkpointFile });
      await eventually('three more records', () => delivered().length === 8);
      // Assess
      expect(fn.invocations.slice(before).flatMap(dataOf)).toEqual(words('second', 3));
    } finally {
      dir.remove();
    }
  });

  it('reads from the initial position when the checkpoint belongs to a stream since recreated', async () => {
    const dir = tempDirectory('stale');
    try {
      // Prepare: a checkpoint naming a shard created 100 s earlier (what an in-memory kinesalite leaves after a restart)
      const [sequence] = await harness.put('after');
      const checkpointFile = `${dir.path}/kinesis.checkpoint.json`;
      writeFileSync(checkpointFile, JSON.stringify({ version: 1, streamName: STREAM, shards: { 'shardId-000000000000': fromAnEarlierShard(sequence) } }));
      // Act
      start(kinesisSource(), { checkpointFile });
      // Assess
      await eventually('the record of the new stream', () => delivered().includes('after'));
      expect(output.lines.some((line) => line.includes('is not in this stream'))).toBe(true);
    } finally {
      dir.remove();
    }
  });

  it('reports invocations and sequence numbers that follow the shard order exactly once on success', async () => {
    // Prepare
    const sequences = await harness.put(...words('x', 30));
    // Act
    start(kinesisSource({ batchSize: 7 }));
    await eventually('all records', () => delivered().length >= 30);
    // Assess
    expect(fn.invocations.flatMap(sequencesOf)).toEqual(sequences);
  });
});

/** The same position in a shard whose creation time (hex digits 1–9, seconds) is 100 s earlier. */
function fromAnEarlierShard(sequence: string): string {
  const hex = BigInt(sequence).toString(16);
  const created = (Number.parseInt(hex.slice(1, 10), 16) - 100).toString(16).padStart(9, '0');
  return BigInt(`0x${hex[0]}${created}${hex.slice(10)}`).toString();
}
