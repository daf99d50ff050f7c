import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { md5OfMessageAttributes } from './md5';
import { startHarness, type Harness } from './spec-support';

describe('local SQS with the real SDK (AWS JSON 1.0)', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness({ region: 'eu-west-1' });
  });

  afterEach(async () => {
    await harness.close();
  });

  it('creates queues idempotently, resolves and lists them by prefix, and deletes them', async () => {
    // Prepare
    const { sqs, server } = harness;
    const first = await sqs.send(new CreateQueueCommand({ QueueName: 'pulse-dlq-enrich', Attributes: { VisibilityTimeout: '45' } }));

    // Act
    const again = await sqs.send(new CreateQueueCommand({ QueueName: 'pulse-dlq-enrich', Attributes: { VisibilityTimeout: '45' } }));
    await sqs.send(new CreateQueueCommand({ QueueName: 'other' }));
    const resolved = await sqs.send(new GetQueueUrlCommand({ QueueName: 'pulse-dlq-enrich' }));
    const listed = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'pulse-' }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl: first.QueueUrl }));
    const afterDelete = await sqs.send(new ListQueuesCommand({}));

    // Assess
    expect(first.QueueUrl).toBe(`http://127.0.0.1:${server.port}/000000000000/pulse-dlq-enrich`);
    expect(again.QueueUrl).toBe(first.QueueUrl);
    expect(resolved.QueueUrl).toBe(first.QueueUrl);
    expect(listed.QueueUrls).toEqual([first.QueueUrl]);
    expect(afterDelete.QueueUrls).toEqual([server.queueUrl('other')]);
  });

  it('rejects re-creating a queue with different attributes as QueueNameExists', async () => {
    // Prepare
    await harness.sqs.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { VisibilityTimeout: '45' } }));

    // Act
    const attempt = harness.sqs.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { VisibilityTimeout: '10' } }));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'QueueNameExists' });
  });

  it('reports attributes, counts and the ARN through GetQueueAttributes', async () => {
    // Prepare
    const { sqs } = harness;
    const before = Math.floor(Date.now() / 1000);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { VisibilityTimeout: '60', MessageRetentionPeriod: '1209600' } }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [0, 1, 2].map((i) => ({ Id: `m${i}`, MessageBody: `body ${i}` })) }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));

    // Act
    const all = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    const some = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));

    // Assess
    expect(all.Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:eu-west-1:000000000000:dlq',
      VisibilityTimeout: '60',
      MessageRetentionPeriod: '1209600',
      DelaySeconds: '0',
      ApproximateNumberOfMessages: '2',
      ApproximateNumberOfMessagesNotVisible: '1',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    expect(Number(all.Attributes?.CreatedTimestamp)).toBeGreaterThanOrEqual(before);
    expect(some.Attributes).toEqual({ ApproximateNumberOfMessages: '2' });
  });

  it('sends, receives and deletes a message with attributes, the SDK validating every MD5', async () => {
    // Prepare
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const MessageAttributes = {
      ERROR_CODE: { DataType: 'String', StringValue: 'Lambda.FunctionError' },
      RETRY_ATTEMPTS: { DataType: 'Number', StringValue: '185' },
      RAW: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
    };
    const body = JSON.stringify({ 'detail-type': 'ReadingsEnriched', detail: { note: 'ünïcødé ✓ <&>' } });

    // Act
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageAttributes }));
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'], MaxNumberOfMessages: 10 }),
    );
    const message = received.Messages?.[0];
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message?.ReceiptHandle }));
    const afterDelete = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));

    // Assess
    const expectedAttributesMd5 = md5OfMessageAttributes({
      ERROR_CODE: { DataType: 'String', StringValue: 'Lambda.FunctionError' },
      RETRY_ATTEMPTS: { DataType: 'Number', StringValue: '185' },
      RAW: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 3]).toString('base64') },
    });
    expect(sent.MD5OfMessageAttributes).toBe(expectedAttributesMd5);
    expect(received.Messages).toHaveLength(1);
    expect(message?.MessageId).toBe(sent.MessageId);
    expect(message?.Body).toBe(body);
    expect(message?.MD5OfMessageAttributes).toBe(expectedAttributesMd5);
    expect(message?.MessageAttributes?.ERROR_CODE).toEqual({ DataType: 'String', StringValue: 'Lambda.FunctionError' });
    expect(message?.MessageAttributes?.RETRY_ATTEMPTS).toEqual({ DataType: 'Number', StringValue: '185' });
    expect(Array.from(message?.MessageAttributes?.RAW?.BinaryValue ?? [])).toEqual([1, 2, 3]);
    expect(message?.Attributes).toMatchObject({ ApproximateReceiveCount: '1', SenderId: 'AKIDPULSETEST' });
    expect(Math.abs(Number(message?.Attributes?.SentTimestamp) - Date.now())).toBeLessThan(5_000);
    expect(afterDelete.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('sends and deletes in batches, reporting bad entries in Failed without failing the rest', async () => {
    // Prepare
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));

    // Act
    const batch = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'first' },
          { Id: 'b', MessageBody: 'second', MessageAttributes: { n: { DataType: 'Number', StringValue: 'not-a-number' } } },
          { Id: 'c', MessageBody: 'third' },
        ],
      }),
    );
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl, Entries: (received.Messages ?? []).map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) }),
    );

    // Assess
    expect(batch.Successful?.map((entry) => entry.Id)).toEqual(['a', 'c']);
    expect(batch.Failed).toEqual([expect.objectContaining({ Id: 'b', SenderFault: true, Code: 'InvalidParameterValue' })]);
    expect(received.Messages?.map((m) => m.Body)).toEqual(['first', 'third']);
    expect(deleted.Successful?.map((entry) => entry.Id)).toEqual(['d0', 'd1']);
  });

  it('empties a queue with PurgeQueue', async () => {
    // Prepare
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));

    // Act
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));

    // Assess
    expect(received.Messages ?? []).toEqual([]);
  });

  it('pages ListQueues with MaxResults and NextToken, and updates attributes with SetQueueAttributes', async () => {
    // Prepare
    const { sqs, server } = harness;
    for (const name of ['q1', 'q2', 'q3']) server.createQueue(name);

    // Act
    const page1 = await sqs.send(new ListQueuesCommand({ MaxResults: 2 }));
    const page2 = await sqs.send(new ListQueuesCommand({ MaxResults: 2, NextToken: page1.NextToken }));
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: server.queueUrl('q1'), Attributes: { VisibilityTimeout: '5', DelaySeconds: '2' } }));
    const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: server.queueUrl('q1'), AttributeNames: ['VisibilityTimeout', 'DelaySeconds'] }));
    const invalid = sqs.send(new SetQueueAttributesCommand({ QueueUrl: server.queueUrl('q1'), Attributes: { VisibilityTimeout: '43201' } }));

    // Assess
    expect(page1.QueueUrls).toEqual([server.queueUrl('q1'), server.queueUrl('q2')]);
    expect(page2.QueueUrls).toEqual([server.queueUrl('q3')]);
    expect(page2.NextToken).toBeUndefined();
    expect(attributes.Attributes).toEqual({ VisibilityTimeout: '5', DelaySeconds: '2' });
    await expect(invalid).rejects.toMatchObject({ name: 'InvalidAttributeValue' });
  });

  it('lists the queues whose RedrivePolicy targets a dead-letter queue', async () => {
    // Prepare
    const { sqs, server } = harness;
    server.createQueue('dlq');
    server.createQueue('source', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: server.queueArn('dlq'), maxReceiveCount: 3 }) });
    server.createQueue('unrelated');

    // Act
    const sources = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: server.queueUrl('dlq') }));

    // Assess
    expect(sources.queueUrls).toEqual([server.queueUrl('source')]);
  });

  it('offers in-process helpers whose messages the SDK reads, with the same validation', async () => {
    // Prepare
    const { sqs, server } = harness;
    const queueUrl = server.createQueue('dlq');

    // Act
    const { messageId } = server.sendMessage('dlq', 'from the bus', { RULE_ARN: { DataType: 'String', StringValue: 'arn:aws:events:us-east-1:000000000000:rule/pulse/r' } });
    const invalid = (): unknown => server.sendMessage('dlq', 'x', { n: { DataType: 'Number', StringValue: 'NaN?' } });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ['RULE_ARN'] }));

    // Assess
    expect(received.Messages?.[0]).toMatchObject({ MessageId: messageId, Body: 'from the bus' });
    expect(received.Messages?.[0]?.MessageAttributes?.RULE_ARN?.StringValue).toContain('rule/pulse/r');
    expect(invalid).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }));
    expect(server.queueNames()).toEqual(['dlq']);
  });
});

