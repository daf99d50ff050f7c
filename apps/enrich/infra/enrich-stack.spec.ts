import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { actionsOf, iamStatements, synthServiceStack, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type SynthesisedServiceStack } from '@pulse/cdk-constructs';
import { subscriptions } from '../src/subscription';
import { EnrichStack } from './enrich-stack';

let synthesised: SynthesisedServiceStack<EnrichStack>;
let stack: EnrichStack;
let template: SynthesisedServiceStack<EnrichStack>['template'];
const idOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);
const roleOf = (fn: string) => idOf(stack.service.functions.get(fn)!.fn.role!);

// Prepare / Act: one synthesis (with cdk-nag) for the whole file.
beforeAll(() => {
  synthesised = synthServiceStack((app, props) => new EnrichStack(app, 'Pulse-dev-Enrich', props));
  ({ stack, template } = synthesised);
});

test('two functions on Node 22+ arm64 with active tracing', () => {
  const functions = Object.values(template.findResources('AWS::Lambda::Function'));
  expect(functions).toHaveLength(2);
  for (const fn of functions) expect(fn.Properties).toMatchObject({ Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
});

test.each(subscriptions.map((sub) => [sub.rule, sub] as const))('rule %s: exact pattern, declared retry policy, enrich-dlq', (name, sub) => {
  const rule = Object.values(template.findResources('AWS::Events::Rule', { Properties: { Name: name } }))[0]!.Properties;
  expect(rule.EventPattern).toEqual(sub.pattern);
  expect(rule.Targets[0]).toMatchObject({
    Arn: { 'Fn::GetAtt': [idOf(stack.service.functions.get(sub.target.function)!.fn), 'Arn'] },
    RetryPolicy: { MaximumRetryAttempts: sub.retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: sub.retryPolicy.maximumEventAgeSeconds },
    DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(stack.service.queues.get('enrich-dlq')!), 'Arn'] } },
  });
});

test('both rules share one dead-letter queue; Lambda async config keeps within its 6 h limit', () => {
  template.resourceCountIs('AWS::SQS::Queue', 1);
  template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: idOf(stack.service.functions.get('project-devices')!.fn) }, MaximumEventAgeInSeconds: 21600 });
});

test('DeviceProjection: KMS, keys fleetId/deviceId, on-demand', () => {
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    TableName: 'pulse-dev-enrich-device-projection',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'fleetId', KeyType: 'HASH' },
      { AttributeName: 'deviceId', KeyType: 'RANGE' },
    ],
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: Match.anyValue() } })],
  });
});

test('least privilege: enrich-readings reads the projection, project-devices writes it and cannot publish', () => {
  const reader = actionsOf(iamStatements(template, roleOf('enrich-readings')));
  expect(reader).toEqual(expect.arrayContaining([...TABLE_READ_ACTIONS, 'events:PutEvents']));
  for (const write of TABLE_WRITE_ACTIONS) expect(reader).not.toContain(write);
  const projector = actionsOf(iamStatements(template, roleOf('project-devices')));
  expect(projector).toEqual(expect.arrayContaining([...TABLE_WRITE_ACTIONS]));
  expect(projector).not.toContain('events:PutEvents');
  const putEvents = iamStatements(template).filter((s) => actionsOf([s]).includes('events:PutEvents'));
  expect(putEvents.map((s) => s.Condition)).toEqual([{ StringEquals: { 'events:source': 'pulse.enrich' } }]);
  expect(actionsOf(iamStatements(template))).not.toContain('dynamodb:*');
});

test('alarms: 2 per function, 1 for the DLQ', () => {
  template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
});

test('cdk-nag AwsSolutions: no unacknowledged error', () => {
  expect(synthesised.nagFailure).toBeUndefined();
});
