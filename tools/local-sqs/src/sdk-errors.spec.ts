import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSServiceException,
} from '@aws-sdk/client-sqs';
import { startHarness, type Harness } from './spec-support';

describe('errors as the real SDK sees them', () => {
  let harness: Harness;
  let QueueUrl: string;

  beforeEach(async () => {
    harness = await startHarness();
    QueueUrl = (await harness.sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }))).QueueUrl ?? '';
  });

  afterEach(async () => {
    await harness.close();
  });

  it('throws QueueDoesNotExist, with the legacy NonExistentQueue code, for an unknown queue', async () => {
    // Prepare
    const missing = harness.server.queueUrl('nope');

    // Act
    const bySend = harness.sqs.send(new SendMessageCommand({ QueueUrl: missing, MessageBody: 'x' })).catch((error: unknown) => error);
    const byName = harness.sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' })).catch((error: unknown) => error);

    // Assess
    const error = (await bySend) as SQSServiceException & { Code?: string };
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error.name).toBe('QueueDoesNotExist');
    expect(error.Code).toBe('AWS.SimpleQueueService.NonExistentQueue');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(await byName).toMatchObject({ name: 'QueueDoesNotExist' });
  });

  it('rejects receipt handles that are forged, foreign or stale', async () => {
    // Prepare
    const { sqs } = harness;
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 60 }));
    const otherUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'other' }))).QueueUrl;
    await sqs.send(new SendMessageCommand({ QueueUrl: otherUrl, MessageBody: 'y' }));
    const fromOther = await sqs.send(new ReceiveMessageCommand({ QueueUrl: otherUrl }));

    // Act
    const forged = sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'garbage' }));
    const foreign = sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: fromOther.Messages?.[0]?.ReceiptHandle }));
    const stale = sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle, VisibilityTimeout: 5 }));

    // Assess
    await expect(forged).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });
    await expect(foreign).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });
    await expect(stale).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('refuses to change the visibility of a message that is not in flight', async () => {
    // Prepare
    const { sqs } = harness;
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }));

    // Act
    const attempt = sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: received.Messages?.[0]?.ReceiptHandle, VisibilityTimeout: 5 }));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'MessageNotInflight' });
  });

  it('validates parameters and batches with the modelled exception names', async () => {
    // Prepare
    const { sqs } = harness;
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));

    // Act
    const tooMany = sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 }));
    const empty = sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [] }));
    const oversized = sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: eleven }));
    const repeated = sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'x' }, { Id: 'a', MessageBody: 'y' }] }));
    const unknownAttribute = sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Colour' as 'All'] }));
    const badBody = sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'bell \u0007' }));

    // Assess
    await expect(tooMany).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(empty).rejects.toMatchObject({ name: 'EmptyBatchRequest' });
    await expect(oversized).rejects.toMatchObject({ name: 'TooManyEntriesInBatchRequest' });
    await expect(repeated).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
    await expect(unknownAttribute).rejects.toMatchObject({ name: 'InvalidAttributeName' });
    await expect(badBody).rejects.toMatchObject({ name: 'InvalidMessageContents' });
  });

  it('refuses FIFO queues explicitly rather than half-supporting them', async () => {
    // Prepare / Act
    const attempt = harness.sqs.send(new CreateQueueCommand({ QueueName: 'orders.fifo', Attributes: { FifoQueue: 'true' } }));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('FIFO') });
  });
});
