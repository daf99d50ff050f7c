import {
  DeleteRuleCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  InvalidEventPatternException,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  ResourceNotFoundException,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { startTestBus, type TestBus } from './__fixtures__/test-bus';

const BUS = 'pulse-local';
const PATTERN = '{"source":["pulse.ingest"]}';

let bus: TestBus;
let client: EventBridgeClient;
beforeEach(async () => {
  bus = await startTestBus();
  client = bus.client();
});
afterEach(async () => {
  await bus?.close();
});

describe('rules', () => {
  test('PutRule then DescribeRule returns what was stored, pattern text kept verbatim', async () => {
    // Prepare
    const pattern = '{ "source" : ["pulse.ingest"] }';

    // Act
    const put = await client.send(new PutRuleCommand({ Name: 'r1', EventBusName: BUS, EventPattern: pattern, Description: 'mine' }));
    const described = await client.send(new DescribeRuleCommand({ Name: 'r1', EventBusName: BUS }));

    // Assess
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/pulse-local/r1');
    expect(described).toMatchObject({
      Name: 'r1',
      Arn: put.RuleArn,
      EventPattern: pattern,
      State: 'ENABLED',
      Description: 'mine',
      EventBusName: BUS,
    });
    expect(described.ManagedBy).toBeUndefined();
  });

  test('PutRule with an invalid pattern is an InvalidEventPatternException and stores nothing', async () => {
    // Act
    const act = client.send(new PutRuleCommand({ Name: 'bad', EventBusName: BUS, EventPattern: '{"source":"x"}' }));

    // Assess
    await expect(act).rejects.toBeInstanceOf(InvalidEventPatternException);
    const listed = await client.send(new ListRulesCommand({ EventBusName: BUS }));
    expect(listed.Rules).toEqual([]);
  });

  test('ListRules filters by prefix and pages with NextToken', async () => {
    // Prepare
    for (const name of ['a-1', 'a-2', 'a-3', 'b-1']) {
      await client.send(new PutRuleCommand({ Name: name, EventBusName: BUS, EventPattern: PATTERN }));
    }

    // Act
    const first = await client.send(new ListRulesCommand({ EventBusName: BUS, NamePrefix: 'a-', Limit: 2 }));
    const second = await client.send(new ListRulesCommand({ EventBusName: BUS, NamePrefix: 'a-', Limit: 2, NextToken: first.NextToken }));

    // Assess
    expect(first.Rules?.map((r) => r.Name)).toEqual(['a-1', 'a-2']);
    expect(second.Rules?.map((r) => r.Name)).toEqual(['a-3']);
    expect(second.NextToken).toBeUndefined();
  });

  test('DisableRule stops deliveries, EnableRule restores them', async () => {
    // Prepare
    await client.send(new PutRuleCommand({ Name: 'r', EventBusName: BUS, EventPattern: PATTERN }));
    await client.send(new PutTargetsCommand({ Rule: 'r', EventBusName: BUS, Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' }] }));
    const put = () =>
      client.send(new PutEventsCommand({ Entries: [{ Source: 'pulse.ingest', DetailType: 'X', Detail: '{}', EventBusName: BUS }] }));

    // Act
    await client.send(new DisableRuleCommand({ Name: 'r', EventBusName: BUS }));
    await put();
    const whileDisabled = bus.dispatcher.deliveries.length;
    const described = await client.send(new DescribeRuleCommand({ Name: 'r', EventBusName: BUS }));
    await client.send(new EnableRuleCommand({ Name: 'r', EventBusName: BUS }));
    await put();

    // Assess
    expect(whileDisabled).toBe(0);
    expect(described.State).toBe('DISABLED');
    expect(bus.dispatcher.deliveries).toHaveLength(1);
  });

  test('a rule with targets cannot be deleted; without them it can', async () => {
    // Prepare
    await client.send(new PutRuleCommand({ Name: 'r', EventBusName: BUS, EventPattern: PATTERN }));
    await client.send(new PutTargetsCommand({ Rule: 'r', EventBusName: BUS, Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' }] }));

    // Act
    const refused = client.send(new DeleteRuleCommand({ Name: 'r', EventBusName: BUS }));
    await expect(refused).rejects.toMatchObject({ name: 'ValidationException', message: "Rule can't be deleted since it has targets." });
    await client.send(new RemoveTargetsCommand({ Rule: 'r', EventBusName: BUS, Ids: ['q'] }));
    await client.send(new DeleteRuleCommand({ Name: 'r', EventBusName: BUS }));
    const gone = client.send(new DescribeRuleCommand({ Name: 'r', EventBusName: BUS }));

    // Assess
    await expect(gone).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(gone).rejects.toThrow('Rule r does not exist on EventBus pulse-local.');
  });

  test('an unknown bus is a ResourceNotFoundException', async () => {
    // Act
    const act = client.send(new ListRulesCommand({ EventBusName: 'nope' }));

    // Assess
    await expect(act).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(act).rejects.toThrow('Event bus nope does not exist.');
  });
});

describe('targets', () => {
  beforeEach(async () => {
    await client.send(new PutRuleCommand({ Name: 'r', EventBusName: BUS, EventPattern: PATTERN }));
  });

  test('PutTargets then ListTargetsByRule round-trips Arn, RetryPolicy and DeadLetterConfig', async () => {
    // Prepare
    const targets = [
      {
        Id: 'fn',
        Arn: 'arn:aws:lambda:us-east-1:000000000000:function:enrich-readings',
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:enrich-dlq' },
      },
      { Id: 'hook', Arn: 'arn:aws:events:us-east-1:000000000000:api-destination/alerts-webhook/abc' },
    ];

    // Act
    const put = await client.send(new PutTargetsCommand({ Rule: 'r', EventBusName: BUS, Targets: targets }));
    const listed = await client.send(new ListTargetsByRuleCommand({ Rule: 'r', EventBusName: BUS }));

    // Assess
    expect(put.FailedEntryCount).toBe(0);
    expect(listed.Targets).toEqual([
      targets[0],
      { ...targets[1], RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } },
    ]);
    const rule = bus.server.rules().find((r) => r.name === 'r');
    expect(rule?.targets.map((t) => [t.kind, t.name])).toEqual([
      ['function', 'enrich-readings'],
      ['apiDestination', 'alerts-webhook'],
    ]);
  });

  test('an SNS topic target is delivered to its stand-in queue', async () => {
    // Act
    await client.send(new PutTargetsCommand({ Rule: 'r', EventBusName: BUS, Targets: [{ Id: 't', Arn: 'arn:aws:sns:us-east-1:000000000000:pager' }] }));

    // Assess
    const target = bus.server.rules().find((r) => r.name === 'r')?.targets[0];
    expect(target).toMatchObject({ kind: 'sqs', name: 'pager-notifications', arn: 'arn:aws:sns:us-east-1:000000000000:pager' });
  });

  test('targets the bus cannot deliver to fail per entry; the others are stored', async () => {
    // Act
    const put = await client.send(
      new PutTargetsCommand({
        Rule: 'r',
        EventBusName: BUS,
        Targets: [
          { Id: 'kinesis', Arn: 'arn:aws:kinesis:us-east-1:000000000000:stream/s' },
          { Id: 'transformed', Arn: 'arn:aws:sqs:us-east-1:000000000000:q', Input: '{}' },
          { Id: 'ok', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' },
        ],
      }),
    );

    // Assess
    expect(put.FailedEntryCount).toBe(2);
    expect(put.FailedEntries?.map((f) => f.TargetId)).toEqual(['kinesis', 'transformed']);
    const listed = await client.send(new ListTargetsByRuleCommand({ Rule: 'r', EventBusName: BUS }));
    expect(listed.Targets?.map((t) => t.Id)).toEqual(['ok']);
  });

  test('a retry policy outside AWS ranges is a ValidationException', async () => {
    // Act
    const act = client.send(
      new PutTargetsCommand({
        Rule: 'r',
        EventBusName: BUS,
        Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RetryPolicy: { MaximumRetryAttempts: 186 } }],
      }),
    );

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must have value less than or equal to 185'),
    });
  });

  test('PutTargets on a missing rule is a ResourceNotFoundException', async () => {
    // Act
    const act = client.send(new PutTargetsCommand({ Rule: 'nope', EventBusName: BUS, Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' }] }));

    // Assess
    await expect(act).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
