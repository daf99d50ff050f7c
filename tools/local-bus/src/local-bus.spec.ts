import {
  EventBridgeClient,
  ListRulesCommand,
  PutEventsCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { ListQueuesCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { ReadingsReceivedV1 } from '@pulse/schemas';
import { eventually, FakeRunner } from './__fixtures__/fake-runner';
import { FIVE_SERVICES } from './five-services';
import { startLocalBus, type LocalBus } from './local-bus';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const RULE = 'transform-readings-received';
const FUNCTION = 'normalize-readings';
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/pulse-local/${RULE}`;
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${FUNCTION}`;
const credentials = (accessKeyId: string) => ({ accessKeyId, secretAccessKey: 'local' });
const readingsReceived = (batch: string) => ({
  Source: ReadingsReceivedV1.source,
  DetailType: ReadingsReceivedV1.detailType,
  Detail: JSON.stringify({ batch }),
  EventBusName: 'pulse-local',
});

describe('startLocalBus: the five services on the local bus, SDK clients end to end', () => {
  let local: LocalBus | undefined;
  let runner: FakeRunner;
  const clients: Array<{ destroy(): void }> = [];

  async function start(withRunner = true): Promise<LocalBus> {
    runner = new FakeRunner();
    // An hour of bus time per real second: transform's 4 retries (≤ 15 bus-seconds) take milliseconds.
    local = await startLocalBus({ services: FIVE_SERVICES, timeScale: 3_600, log: () => undefined, ...(withRunner ? { runner } : {}) });
    return local;
  }
  const eventBridge = (accessKeyId = 'developer') => track(new EventBridgeClient({ endpoint: local!.busEndpoint, region: REGION, credentials: credentials(accessKeyId), maxAttempts: 1 }));
  const sqsClient = () => track(new SQSClient({ endpoint: local!.sqsEndpoint, region: REGION, credentials: credentials('developer'), maxAttempts: 1 }));
  function track<T extends { destroy(): void }>(client: T): T {
    clients.push(client);
    return client;
  }

  /** Receives the queue's next message through the real SQS API (long poll, so no busy loop). */
  async function receiveOne(queue: string): Promise<Message> {
    const sqs = sqsClient();
    const QueueUrl = local!.sqs.queueUrl(queue);
    return eventually(`a message in ${queue}`, async () => {
      const answer = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], WaitTimeSeconds: 1 }));
      return answer.Messages?.[0];
    });
  }

  async function redeliver(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${local!.busEndpoint}/_pulse/redeliver`, { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await local?.close();
    local = undefined;
  });

  it('serves every rule the five declarations make, and creates their dead-letter and stand-in queues', async () => {
    // Prepare
    await start();
    const declared = FIVE_SERVICES.flatMap((s) => s.subscriptions ?? []);

    // Act
    const rules = await eventBridge().send(new ListRulesCommand({ EventBusName: 'pulse-local' }));
    const queues = await sqsClient().send(new ListQueuesCommand({}));

    // Assess
    expect(rules.Rules?.map((r) => r.Name).sort()).toEqual(declared.map((s) => s.rule).sort());
    const queueNames = (queues.QueueUrls ?? []).map((url) => url.split('/').pop());
    const expected = declared.flatMap((s) => [...(s.deadLetterQueue ? [s.deadLetterQueue] : []), ...(s.target.kind === 'sns' ? [`${s.target.topic}-notifications`] : [])]);
    expect(queueNames).toEqual(expect.arrayContaining([...new Set(expected)]));
    expect(queueNames).toEqual(expect.arrayContaining(['transform-dlq', 'persist-dlq', 'alert-notify-dlq', 'alerts-notifications']));
  });

  it('invokes the subscribed function asynchronously with the BusEvent PutEvents accepted', async () => {
    // Prepare
    await start();

    // Act
    const put = await eventBridge('pulse-ingest').send(new PutEventsCommand({ Entries: [readingsReceived('b-1')] }));
    const [invocation] = await eventually('the function to run', () => runner.of(FUNCTION).length > 0 && runner.of(FUNCTION));

    // Assess
    expect(put.FailedEntryCount).toBe(0);
    expect(invocation).toMatchObject({ mode: 'async', event: { id: put.Entries?.[0]?.EventId, source: 'pulse.ingest', account: ACCOUNT, region: REGION, detail: { batch: 'b-1' } } });
    expect(invocation!.event['detail-type']).toBe(ReadingsReceivedV1.detailType);
    await local!.dispatcher.drain();
    expect(local!.dispatcher.stats()).toMatchObject({ delivered: 1, retries: 0, deadLettered: 0 });
  });

  it('retries a failing function per its policy, dead-letters it with AWS attributes, and redelivers it once fixed', async () => {
    // Prepare
    await start();
    runner.fail.set(FUNCTION, { errorType: 'CalibrationError', errorMessage: 'no calibration for d-7' });
    const put = await eventBridge('pulse-ingest').send(new PutEventsCommand({ Entries: [readingsReceived('b-2')] }));

    // Act
    const message = await receiveOne('transform-dlq');

    // Assess: transform declares 4 retries, so 5 attempts, then its DLQ
    expect(runner.of(FUNCTION)).toHaveLength(5);
    const attributes = Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue]));
    expect(attributes).toMatchObject({
      ERROR_CODE: 'ERROR_FROM_TARGET',
      ERROR_MESSAGE: 'no calibration for d-7',
      RULE_ARN,
      TARGET_ARN: FUNCTION_ARN,
      RETRY_ATTEMPTS: '4',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
    });
    const event = JSON.parse(message.Body ?? '{}') as { id: string };
    expect(event.id).toBe(put.Entries?.[0]?.EventId);

    // Act: the bug is fixed; the operator redrives the message to exactly its rule's target
    runner.fail.clear();
    const answer = await redeliver({ ruleName: RULE, targetId: FUNCTION, event });
    await eventually('the redelivery', () => runner.of(FUNCTION).length === 6);
    await local!.dispatcher.drain();

    // Assess
    expect(answer).toEqual({ status: 202, json: { enqueued: 1, ruleArn: RULE_ARN, targetArn: FUNCTION_ARN, eventId: event.id } });
    expect(runner.of(FUNCTION)[5]?.event).toEqual(event);
    expect(local!.dispatcher.stats()).toMatchObject({ delivered: 1, deadLettered: 1, pending: 0 });
    expect(runner.invocations.filter((i) => i.functionName !== FUNCTION)).toEqual([]);
  });

  it('answers 404 for a redelivery to an unknown rule or target and 400 for a body that is not one', async () => {
    // Prepare
    await start();
    const event = { version: '0', id: 'e-1', source: 'pulse.ingest', 'detail-type': 'x', account: ACCOUNT, region: REGION, time: '2026-11-22T12:00:00Z', resources: [], detail: {} };

    // Act
    const unknownRule = await redeliver({ ruleName: 'no-such-rule', targetId: FUNCTION, event });
    const unknownTarget = await redeliver({ ruleName: RULE, targetId: 'no-such-target', event });
    const notAnEvent = await redeliver({ ruleName: RULE, targetId: FUNCTION, event: { id: 'e-2' } });

    // Assess
    expect([unknownRule.status, unknownTarget.status, notAnEvent.status]).toEqual([404, 404, 400]);
    expect(unknownTarget.json['message']).toMatch(/no target no-such-target/);
    expect(notAnEvent.json['message']).toMatch(/event\.source/);
    await local!.dispatcher.drain();
    expect(runner.invocations).toEqual([]);
  });

  it('re-delivers archived events with replay-name through StartReplay', async () => {
    // Prepare
    await start();
    const client = eventBridge('pulse-ingest');
    const put = await client.send(new PutEventsCommand({ Entries: [readingsReceived('b-3')] }));
    await eventually('the first delivery', () => runner.of(FUNCTION).length === 1);

    // Act
    await eventBridge().send(
      new StartReplayCommand({
        ReplayName: 'after-fix',
        EventSourceArn: `arn:aws:events:${REGION}:${ACCOUNT}:archive/pulse-local-archive`,
        EventStartTime: new Date(Date.now() - 60_000),
        EventEndTime: new Date(Date.now() + 60_000),
        Destination: { Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/pulse-local`, FilterArns: [RULE_ARN] },
      }),
    );
    const replayed = await eventually('the replayed delivery', () => runner.of(FUNCTION)[1]);

    // Assess
    expect(replayed.event).toMatchObject({ id: put.Entries?.[0]?.EventId, 'replay-name': 'after-fix', detail: { batch: 'b-3' } });
    expect(runner.of(FUNCTION)[0]?.event['replay-name']).toBeUndefined();
  });

  it('rejects an entry whose source the calling service may not publish, and runs nothing for it', async () => {
    // Prepare
    await start();

    // Act
    const put = await eventBridge('pulse-transform').send(new PutEventsCommand({ Entries: [readingsReceived('b-4')] }));
    await local!.dispatcher.drain();

    // Assess
    expect(put.FailedEntryCount).toBe(1);
    expect(put.Entries?.[0]).toMatchObject({ ErrorCode: 'AccessDeniedException' });
    expect(runner.invocations).toEqual([]);
  });

  it('without a runner, function targets fail, are retried and end in their DLQ saying why', async () => {
    // Prepare
    await start(false);

    // Act
    await eventBridge('pulse-ingest').send(new PutEventsCommand({ Entries: [readingsReceived('b-5')] }));
    const message = await receiveOne('transform-dlq');

    // Assess
    expect(message.MessageAttributes?.['ERROR_MESSAGE']?.StringValue).toMatch(/No function runner: normalize-readings/);
    expect(message.MessageAttributes?.['RETRY_ATTEMPTS']?.StringValue).toBe('4');
  });
});
