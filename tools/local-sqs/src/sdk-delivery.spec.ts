import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { manualClock } from '@pulse/service-kit';
import { startHarness, type Harness } from './spec-support';

describe('visibility timeouts and long polling with the real SDK', () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('redelivers a message whose visibility timeout expired, with ApproximateReceiveCount 2', async () => {
    // Prepare
    const clock = manualClock(Date.UTC(2026, 10, 22, 12));
    harness = await startHarness({ clock });
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { VisibilityTimeout: '30' } }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'retry me' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['All'] }));

    // Act
    clock.advance(29_000);
    const tooEarly = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    clock.advance(1_000);
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp'] }));

    // Assess
    expect(first.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(tooEarly.Messages ?? []).toEqual([]);
    expect(again.Messages?.[0]?.MessageId).toBe(first.Messages?.[0]?.MessageId);
    expect(again.Messages?.[0]?.Attributes).toEqual({
      ApproximateReceiveCount: '2',
      ApproximateFirstReceiveTimestamp: String(Date.UTC(2026, 10, 22, 12)),
    });
    expect(again.Messages?.[0]?.ReceiptHandle).not.toBe(first.Messages?.[0]?.ReceiptHandle);
  });

  it('honours a per-receive VisibilityTimeout and ChangeMessageVisibility to 0', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hidden' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 600 }));

    // Act
    const hidden = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle, VisibilityTimeout: 0 }));
    const visible = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));

    // Assess
    expect(hidden.Messages ?? []).toEqual([]);
    expect(visible.Messages?.[0]?.Body).toBe('hidden');
    expect(visible.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('long-polls: returns as soon as a message arrives, well before WaitTimeSeconds', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const started = Date.now();

    // Act
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake up' }));
    const received = await polling;
    const elapsed = Date.now() - started;

    // Assess
    expect(received.Messages?.[0]?.Body).toBe('wake up');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('long-polls: really waits WaitTimeSeconds when nothing arrives, then answers empty', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const started = Date.now();

    // Act
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    const elapsed = Date.now() - started;

    // Assess
    expect(received.Messages ?? []).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('long-polls: wakes when an in-flight message becomes visible again', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { VisibilityTimeout: '1' } }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'comes back' }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    const started = Date.now();

    // Act
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    const elapsed = Date.now() - started;

    // Assess
    expect(received.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(elapsed).toBeLessThan(2_500);
  });

  it('answers a pending long poll empty when the server closes, so close never hangs', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();

    // Act
    await harness.server.close();
    const received = await polling;

    // Assess
    expect(received.Messages ?? []).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('moves a message past its RedrivePolicy maxReceiveCount to the dead-letter queue', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs, server } = harness;
    const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'source-dlq' }))).QueueUrl;
    const RedrivePolicy = JSON.stringify({ deadLetterTargetArn: server.queueArn('source-dlq'), maxReceiveCount: 2 });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'source', Attributes: { RedrivePolicy, VisibilityTimeout: '0' } }));
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'poison' }));

    // Act
    const receives = [];
    for (let attempt = 0; attempt < 3; attempt += 1) receives.push(await sqs.send(new ReceiveMessageCommand({ QueueUrl })));
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));

    // Assess
    expect(receives.map((response) => response.Messages?.length ?? 0)).toEqual([1, 1, 0]);
    expect(dead.Messages?.[0]?.MessageId).toBe(sent.MessageId);
    expect(dead.Messages?.[0]?.Body).toBe('poison');
  });

  it('delays messages by DelaySeconds and drops them after MessageRetentionPeriod', async () => {
    // Prepare
    const clock = manualClock(Date.UTC(2026, 10, 22, 12));
    harness = await startHarness({ clock });
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq', Attributes: { MessageRetentionPeriod: '60' } }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 10 }));
    const counts = async (): Promise<Record<string, string> | undefined> =>
      (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed'] }))).Attributes;

    // Act
    const whileDelayed = await counts();
    const early = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    clock.advance(10_000);
    const afterDelay = await counts();
    clock.advance(50_000);
    const afterRetention = await counts();

    // Assess
    expect(whileDelayed).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '1' });
    expect(early.Messages ?? []).toEqual([]);
    expect(afterDelay).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesDelayed: '0' });
    expect(afterRetention).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '0' });
  });

  it('changes visibility in batches, reporting a bad handle in Failed', async () => {
    // Prepare
    harness = await startHarness();
    const { sqs } = harness;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'back soon' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 600 }));

    // Act
    const result = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'good', ReceiptHandle: received.Messages?.[0]?.ReceiptHandle, VisibilityTimeout: 0 },
          { Id: 'bad', ReceiptHandle: 'forged', VisibilityTimeout: 0 },
        ],
      }),
    );
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));

    // Assess
    expect(result.Successful).toEqual([{ Id: 'good' }]);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: 'bad', Code: 'ReceiptHandleIsInvalid', SenderFault: true })]);
    expect(again.Messages?.[0]?.Body).toBe('back soon');
  });
});

