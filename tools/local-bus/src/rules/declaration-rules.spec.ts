import {
  DeleteRuleCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
} from '@aws-sdk/client-eventbridge';
import { service as alert } from '@pulse/alert';
import { service as enrich } from '@pulse/enrich';
import { service as ingest } from '@pulse/ingest';
import { service as persist } from '@pulse/persist';
import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { effectiveRetryPolicy, type ServiceDeclaration } from '@pulse/service-kit';
import { service as transform } from '@pulse/transform';
import { startTestBus, type TestBus } from '../api/__fixtures__/test-bus';

const SERVICES: readonly ServiceDeclaration[] = [ingest, transform, enrich, persist, alert];
const BUS = 'pulse-local';
const declared = SERVICES.flatMap((s) => s.subscriptions ?? []);

let bus: TestBus;
beforeEach(async () => {
  bus = await startTestBus({ services: SERVICES, busName: BUS });
});
afterEach(async () => {
  await bus?.close();
});

describe('rules from the five services’ declarations', () => {
  test('every declared subscription is a rule on the bus, with its pattern and description', async () => {
    // Act
    const listed = await bus.client().send(new ListRulesCommand({ EventBusName: BUS }));

    // Assess
    expect(declared.length).toBeGreaterThanOrEqual(6);
    expect(listed.Rules?.map((r) => r.Name).sort()).toEqual(declared.map((s) => s.rule).sort());
    for (const subscription of declared) {
      const rule = listed.Rules?.find((r) => r.Name === subscription.rule);
      expect(JSON.parse(rule?.EventPattern ?? 'null')).toEqual(subscription.pattern);
      expect(rule).toMatchObject({ State: 'ENABLED', ManagedBy: 'pulse.declarations', EventBusName: BUS });
      expect(rule?.Description).toBe(subscription.description);
    }
  });

  test('each rule targets what its subscription declares, with the effective retry policy and DLQ', () => {
    // Act
    const rules = bus.server.rules();

    // Assess
    for (const subscription of declared) {
      const rule = rules.find((r) => r.name === subscription.rule);
      expect(rule?.managedBy).toBe('declaration');
      expect(rule?.targets).toHaveLength(1);
      expect(rule?.targets[0]).toMatchObject({
        retryPolicy: effectiveRetryPolicy(subscription.retryPolicy),
        deadLetterQueue: subscription.deadLetterQueue,
      });
    }
    const enrichRule = rules.find((r) => r.name === 'enrich-readings-normalized');
    expect(enrichRule?.targets[0]).toEqual({
      id: 'enrich-readings',
      arn: 'arn:aws:lambda:us-east-1:000000000000:function:enrich-readings',
      kind: 'function',
      name: 'enrich-readings',
      retryPolicy: { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 },
      deadLetterQueue: 'enrich-dlq',
    });
    const kinds = rules.flatMap((r) => r.targets.map((t) => `${t.kind}:${t.name}`));
    expect(kinds).toEqual(expect.arrayContaining(['sqs:alerts-notifications', 'sqs:pager-notifications', 'apiDestination:alerts-webhook']));
  });

  test('ListTargetsByRule shows the declared target to the SDK', async () => {
    // Act
    const listed = await bus.client().send(new ListTargetsByRuleCommand({ Rule: 'persist-readings-enriched', EventBusName: BUS }));

    // Assess
    expect(listed.Targets).toEqual([
      {
        Id: 'store-readings',
        Arn: 'arn:aws:lambda:us-east-1:000000000000:function:store-readings',
        RetryPolicy: { MaximumRetryAttempts: 24, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:persist-dlq' },
      },
    ]);
  });

  test('an event enrich publishes is enqueued for persist and alert, each with its own policy', async () => {
    // Prepare
    const entry = { Source: ReadingsEnrichedV1.source, DetailType: ReadingsEnrichedV1.detailType, Detail: '{"data":{}}', EventBusName: BUS };

    // Act
    const answer = await bus.client('pulse-enrich').send(new PutEventsCommand({ Entries: [entry] }));

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    const byRule = Object.fromEntries(bus.dispatcher.deliveries.map((d) => [d.ruleName, d.target]));
    expect(Object.keys(byRule).sort()).toEqual(
      declared.filter((s) => s.consumes?.includes(ReadingsEnrichedV1)).map((s) => s.rule).sort(),
    );
    expect(byRule['persist-readings-enriched']).toMatchObject({
      name: 'store-readings',
      retryPolicy: { maximumRetryAttempts: 24, maximumEventAgeSeconds: 7200 },
      deadLetterQueue: 'persist-dlq',
    });
    expect(bus.dispatcher.deliveries.every((d) => d.event.id === answer.Entries![0]!.EventId)).toBe(true);
  });

  test('declared rules cannot be rewritten or deleted through the API, only switched off', async () => {
    // Prepare
    const client = bus.client();
    const name = 'transform-readings-received';

    // Act
    const rewrite = client.send(new PutRuleCommand({ Name: name, EventBusName: BUS, EventPattern: '{"source":["x"]}' }));
    const remove = client.send(new DeleteRuleCommand({ Name: name, EventBusName: BUS }));
    await expect(rewrite).rejects.toMatchObject({ name: 'ManagedRuleException' });
    await expect(remove).rejects.toMatchObject({ name: 'ManagedRuleException' });
    await client.send(new DisableRuleCommand({ Name: name, EventBusName: BUS }));
    const described = await client.send(new DescribeRuleCommand({ Name: name, EventBusName: BUS }));

    // Assess
    expect(described.State).toBe('DISABLED');
    expect(JSON.parse(described.EventPattern ?? '{}')).toEqual(transform.subscriptions?.[0]?.pattern);
  });
});
