import { PutEventsCommand, PutRuleCommand, PutTargetsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { startTestBus, type TestBus } from './__fixtures__/test-bus';

const BUS = 'pulse-local';
const entry = (extra: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  Source: 'pulse.ingest',
  DetailType: 'ReadingsReceived',
  Detail: JSON.stringify({ data: { fleetId: 'f1' } }),
  EventBusName: BUS,
  ...extra,
});

let bus: TestBus;
afterEach(async () => {
  await bus?.close();
});

describe('PutEvents: call-level validation', () => {
  beforeEach(async () => {
    bus = await startTestBus();
  });

  test('11 entries fail the whole call with a ValidationException', async () => {
    // Act
    const act = bus.client().send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => entry()) }));

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must have length less than or equal to 10'),
    });
    expect(bus.archive.events).toHaveLength(0);
  });

  test('no entries fail the call too', async () => {
    // Act
    const act = bus.client().send(new PutEventsCommand({ Entries: [] }));

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ValidationException' });
  });

  test('entries over 256 KB in total fail the call, sized as EventBridge sizes them', async () => {
    // Prepare: two entries of ~130 KB each are fine alone, over the limit together.
    const big = entry({ Detail: JSON.stringify({ pad: 'x'.repeat(130 * 1024) }) });

    // Act
    const alone = await bus.client().send(new PutEventsCommand({ Entries: [big] }));
    const together = bus.client().send(new PutEventsCommand({ Entries: [big, big] }));

    // Assess
    expect(alone.FailedEntryCount).toBe(0);
    await expect(together).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });
});

describe('PutEvents: per-entry validation', () => {
  beforeEach(async () => {
    bus = await startTestBus();
  });

  test('each bad entry gets AWS error code and message, the good ones an EventId', async () => {
    // Prepare
    const entries = [
      entry({ Detail: undefined }),
      entry({ Detail: '"a string"' }),
      entry({ Detail: '{not json' }),
      entry({ Source: undefined }),
      entry({ DetailType: undefined }),
      entry({ EventBusName: 'no-such-bus' }),
      entry(),
    ];

    // Act
    const answer = await bus.client().send(new PutEventsCommand({ Entries: entries }));

    // Assess
    expect(answer.FailedEntryCount).toBe(6);
    expect(answer.Entries).toEqual([
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' },
      { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus no-such-bus does not exist.' },
      { EventId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) },
    ]);
    expect(bus.archive.events.map((e) => e.id)).toEqual([answer.Entries![6]!.EventId]);
  });

  test('an accepted event is built as EventBridge builds it', async () => {
    // Prepare
    const time = new Date('2026-03-01T10:20:30.456Z');

    // Act
    const answer = await bus.client().send(new PutEventsCommand({ Entries: [entry({ Time: time, Resources: ['arn:aws:x'] })] }));

    // Assess
    expect(bus.archive.events).toEqual([
      {
        version: '0',
        id: answer.Entries![0]!.EventId,
        'detail-type': 'ReadingsReceived',
        source: 'pulse.ingest',
        account: '000000000000',
        time: '2026-03-01T10:20:30Z',
        region: 'us-east-1',
        resources: ['arn:aws:x'],
        detail: { data: { fleetId: 'f1' } },
      },
    ]);
  });

  test('without Time the event is stamped now, without EventBusName it goes to the default bus', async () => {
    // Prepare
    const before = Math.floor(Date.now() / 1000) * 1000;
    const client = bus.client();
    await client.send(new PutRuleCommand({ Name: 'on-default', EventPattern: '{"source":["pulse.ingest"]}' }));
    await client.send(new PutTargetsCommand({ Rule: 'on-default', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' }] }));

    // Act
    const answer = await client.send(new PutEventsCommand({ Entries: [entry({ EventBusName: undefined })] }));

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    const time = Date.parse(bus.archive.events[0]!.time);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
    expect(bus.dispatcher.deliveries.map((d) => d.ruleArn)).toEqual(['arn:aws:events:us-east-1:000000000000:rule/on-default']);
  });
});

describe('PutEvents: identity', () => {
  beforeEach(async () => {
    bus = await startTestBus();
  });

  test("a service may not publish another service's source", async () => {
    // Act
    const answer = await bus
      .client('pulse-transform')
      .send(new PutEventsCommand({ Entries: [entry({ Source: 'pulse.ingest' }), entry({ Source: 'pulse.transform' })] }));

    // Assess
    expect(answer.FailedEntryCount).toBe(1);
    expect(answer.Entries![0]).toEqual({
      ErrorCode: 'AccessDeniedException',
      ErrorMessage: expect.stringMatching(/^Not authorized for the source\./),
    });
    expect(answer.Entries![1]!.EventId).toBeDefined();
    expect(bus.archive.events.map((e) => e.source)).toEqual(['pulse.transform']);
  });

  test('an unknown access key is a developer who may publish any source', async () => {
    // Act
    const answer = await bus
      .client('AKIDEXAMPLE')
      .send(new PutEventsCommand({ Entries: [entry({ Source: 'pulse.ingest' }), entry({ Source: 'my.tool' })] }));

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
  });

  test('nobody may publish aws.* sources', async () => {
    // Act
    const answer = await bus.client().send(new PutEventsCommand({ Entries: [entry({ Source: 'aws.ec2' })] }));

    // Assess
    expect(answer.Entries).toEqual([{ ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' }]);
  });

  test('the identity map is configurable', async () => {
    // Prepare
    await bus.close();
    bus = await startTestBus({ identities: { 'ci-robot': 'ci.robot' } });

    // Act
    const robot = await bus.client('ci-robot').send(new PutEventsCommand({ Entries: [entry()] }));
    const transform = await bus.client('pulse-transform').send(new PutEventsCommand({ Entries: [entry()] }));

    // Assess
    expect(robot.Entries![0]!.ErrorCode).toBe('AccessDeniedException');
    expect(transform.FailedEntryCount).toBe(0);
  });
});

describe('PutEvents: deliveries', () => {
  test('matching enabled rules get one delivery per target, enqueued before the answer', async () => {
    // Prepare: a slow journal proves the answer waits for it.
    bus = await startTestBus({ enqueueDelayMs: 150 });
    const client = bus.client();
    await client.send(new PutRuleCommand({ Name: 'ingest-to-q', EventBusName: BUS, EventPattern: '{"source":["pulse.ingest"]}' }));
    await client.send(new PutRuleCommand({ Name: 'alerts-only', EventBusName: BUS, EventPattern: '{"source":["pulse.alert"]}' }));
    await client.send(
      new PutRuleCommand({ Name: 'disabled', EventBusName: BUS, EventPattern: '{"source":["pulse.ingest"]}', State: 'DISABLED' }),
    );
    for (const rule of ['ingest-to-q', 'alerts-only', 'disabled']) {
      await client.send(
        new PutTargetsCommand({
          Rule: rule,
          EventBusName: BUS,
          Targets: [
            {
              Id: 'q',
              Arn: 'arn:aws:sqs:us-east-1:000000000000:audit',
              RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 120 },
              DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:audit-dlq' },
            },
            { Id: 'fn', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:store-readings' },
          ],
        }),
      );
    }

    // Act
    const answer = await client.send(new PutEventsCommand({ Entries: [entry()] }));

    // Assess
    expect(bus.dispatcher.completed).toBe(1);
    const eventId = answer.Entries![0]!.EventId;
    expect(bus.dispatcher.deliveries).toEqual([
      {
        event: expect.objectContaining({ id: eventId }),
        ruleName: 'ingest-to-q',
        ruleArn: 'arn:aws:events:us-east-1:000000000000:rule/pulse-local/ingest-to-q',
        target: {
          id: 'q',
          arn: 'arn:aws:sqs:us-east-1:000000000000:audit',
          kind: 'sqs',
          name: 'audit',
          retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 120 },
          deadLetterQueue: 'audit-dlq',
        },
      },
      {
        event: expect.objectContaining({ id: eventId }),
        ruleName: 'ingest-to-q',
        ruleArn: 'arn:aws:events:us-east-1:000000000000:rule/pulse-local/ingest-to-q',
        target: {
          id: 'fn',
          arn: 'arn:aws:lambda:us-east-1:000000000000:function:store-readings',
          kind: 'function',
          name: 'store-readings',
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 },
        },
      },
    ]);
  });

  test('a failing journal fails the call with a retryable 500, so nothing is silently lost', async () => {
    // Prepare
    bus = await startTestBus({
      dispatcher: {
        enqueue: () => Promise.reject(new Error('disk full')),
      },
    });

    // Act
    const act = bus.client().send(new PutEventsCommand({ Entries: [entry()] }));

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'InternalException',
      message: expect.stringContaining('disk full'),
      $metadata: expect.objectContaining({ httpStatusCode: 500 }),
    });
  });
});
