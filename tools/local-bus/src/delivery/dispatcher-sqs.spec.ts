import { CreateQueueCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startSqsServer, type SqsServer } from '@pulse/local-sqs';
import type { TargetInvoker } from '../model';
import { createDispatcher } from './dispatcher';
import type { RunningDispatcher } from './dispatcher-types';
import { delivery } from './__fixtures__/deliveries';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

/** Queue sends through the real SDK, as the local runtime's invoker does. */
function sqsInvoker(sqs: SQSClient): TargetInvoker {
  return {
    invokeFunction: async () => Promise.reject(new Error('normalize-readings crashed')),
    callApiDestination: async () => undefined,
    async sendToQueue(queueName, body, attributes) {
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
      const MessageAttributes = Object.fromEntries(
        Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
      );
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageAttributes }));
    },
  };
}

describe('dispatcher with a dead-letter queue on the local SQS server (real SDK)', () => {
  let server: SqsServer | undefined;
  let sqs: SQSClient | undefined;
  let dispatcher: RunningDispatcher | undefined;
  afterEach(async () => {
    await dispatcher?.close();
    sqs?.destroy();
    await server?.close();
    dispatcher = undefined;
    sqs = undefined;
    server = undefined;
  });

  it('leaves a failed event in the DLQ with the event as body and the EventBridge attributes', async () => {
    // Prepare
    server = await startSqsServer({ port: 0, log: () => undefined });
    sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDPULSETEST', secretAccessKey: 'secret' } });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'transform-dlq' }));
    dispatcher = createDispatcher({ invoker: sqsInvoker(sqs), timeScale: 10_000, log: () => undefined });
    const failing = delivery('e1', { deadLetterQueue: 'transform-dlq', retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 3_600 } });

    // Act
    await dispatcher.enqueue([failing]);
    await dispatcher.drain();
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], MaxNumberOfMessages: 10 }));

    // Assess
    expect(received.Messages).toHaveLength(1);
    const [message] = received.Messages!;
    expect(JSON.parse(message!.Body!)).toEqual(failing.event);
    const attributes = Object.fromEntries(Object.entries(message!.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue]));
    expect(attributes).toEqual({
      RULE_ARN: failing.ruleArn,
      TARGET_ARN: failing.target.arn,
      ERROR_CODE: 'ERROR_FROM_TARGET',
      ERROR_MESSAGE: 'normalize-readings crashed',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '2',
    });
  });

  it('keeps the DLQ message journaled while the queue does not exist, and sends it once the queue is created', async () => {
    // Prepare
    server = await startSqsServer({ port: 0, log: () => undefined });
    sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDPULSETEST', secretAccessKey: 'secret' } });
    dispatcher = createDispatcher({ invoker: sqsInvoker(sqs), timeScale: 10_000, log: () => undefined });

    // Act
    await dispatcher.enqueue([delivery('e2', { deadLetterQueue: 'late-dlq', retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } })]);
    const bus = dispatcher;
    await waitUntil(() => bus.stats().dlqSendFailures >= 1);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'late-dlq' }));
    await dispatcher.drain();
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'] }));

    // Assess
    expect(JSON.parse(received.Messages![0]!.Body!).id).toBe('e2');
    expect(dispatcher.stats()).toMatchObject({ pending: 0, deadLettered: 1 });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
