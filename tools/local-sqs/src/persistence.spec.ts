import { CreateQueueCommand, DeleteMessageCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './spec-support';

describe('durable queues (directory option)', () => {
  let directory: string;
  let harness: Harness | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'local-sqs-'));
  });

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps queues, attributes and undeleted messages across a restart, and compacts the journal', async () => {
    // Prepare
    harness = await startHarness({ directory });
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'pulse-dlq', Attributes: { VisibilityTimeout: '120' } }));
    for (const body of ['one', 'two', 'three']) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl, MessageBody: body, MessageAttributes: { ERROR_CODE: { DataType: 'String', StringValue: `E-${body}` } } }),
      );
    }
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle }));
    await harness.close();

    // Act
    harness = await startHarness({ directory });
    const restarted = harness.sqs;
    const url = harness.server.queueUrl('pulse-dlq');
    const attributes = await restarted.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    const received = await restarted.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }));
    const journalLines = readFileSync(join(directory, 'pulse-dlq.jsonl'), 'utf8').trim().split('\n');

    // Assess
    expect(attributes.Attributes).toMatchObject({ VisibilityTimeout: '120', ApproximateNumberOfMessages: '2' });
    expect(received.Messages?.map((message) => message.Body)).toEqual(['two', 'three']);
    expect(received.Messages?.[0]?.MessageAttributes?.ERROR_CODE?.StringValue).toBe('E-two');
    // The compacted journal held the queue and its two messages; this receive appended two state lines.
    expect(journalLines.filter((line) => JSON.parse(line).t !== 'state')).toHaveLength(3);
  });

  it('forgets a deleted queue for good', async () => {
    // Prepare
    harness = await startHarness({ directory });
    harness.server.createQueue('gone');
    harness.server.createQueue('kept');
    await harness.sqs.send(new SendMessageCommand({ QueueUrl: harness.server.queueUrl('kept'), MessageBody: 'x' }));
    await harness.sqs.send(new DeleteQueueCommand({ QueueUrl: harness.server.queueUrl('gone') }));
    await harness.close();

    // Act
    harness = await startHarness({ directory });

    // Assess
    expect(harness.server.queueNames()).toEqual(['kept']);
    expect(harness.server.peekMessages('kept').map((message) => message.body)).toEqual(['x']);
  });
});
