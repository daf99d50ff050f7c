import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { actionsOf, iamStatements, synthServiceStack, type ServiceFunction, type SynthesisedServiceStack } from '@pulse/cdk-constructs';
import { RETRY_POLICY, subscriptions } from '../src/subscription';
import { TransformStack } from './transform-stack';

let synthesised: SynthesisedServiceStack<TransformStack>;
let stack: TransformStack;
let template: SynthesisedServiceStack<TransformStack>['template'];
let normalize: ServiceFunction;
const idOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);

// Prepare / Act: one synthesis (with cdk-nag) for the whole file.
beforeAll(() => {
  synthesised = synthServiceStack((app, props) => new TransformStack(app, 'Pulse-dev-Transform', props));
  ({ stack, template } = synthesised);
  normalize = stack.service.functions.get('normalize-readings')!;
});

test('one function: Node 22+, arm64, active tracing, declared memory and timeout', () => {
  template.resourceCountIs('AWS::Lambda::Function', 1);
  template.hasResourceProperties('AWS::Lambda::Function', {
    FunctionName: 'pulse-dev-transform-normalize-readings',
    Runtime: Match.stringLikeRegexp('^nodejs(2[2-9]|[3-9][0-9])\\.x$'),
    Architectures: ['arm64'],
    TracingConfig: { Mode: 'Active' },
    MemorySize: 256,
    Timeout: 30,
  });
});

test('the ReadingsReceived rule: exact pattern, the declared retry policy, the transform DLQ', () => {
  const rules = Object.values(template.findResources('AWS::Events::Rule'));
  expect(rules).toHaveLength(1);
  const rule = rules[0]!.Properties;
  expect(rule.Name).toBe('transform-readings-received');
  expect(rule.EventPattern).toEqual(subscriptions[0].pattern);
  expect(rule.Targets[0]).toMatchObject({
    Arn: { 'Fn::GetAtt': [idOf(normalize.fn), 'Arn'] },
    RetryPolicy: { MaximumRetryAttempts: RETRY_POLICY.maximumRetryAttempts, MaximumEventAgeInSeconds: RETRY_POLICY.maximumEventAgeSeconds },
    DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(stack.service.queues.get('transform-dlq')!), 'Arn'] } },
  });
  template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'pulse-dev-transform-dlq', KmsMasterKeyId: Match.anyValue() });
  template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
});

test('PutEvents only as pulse.transform, and no table access at all', () => {
  const statements = iamStatements(template, idOf(normalize.fn.role!));
  const putEvents = statements.filter((s) => actionsOf([s]).includes('events:PutEvents'));
  expect(putEvents.map((s) => s.Condition)).toEqual([{ StringEquals: { 'events:source': 'pulse.transform' } }]);
  expect(actionsOf(iamStatements(template)).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
});

test('alarms: error rate and p99 duration, DLQ not empty', () => {
  template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
});

test('cdk-nag AwsSolutions: no unacknowledged error', () => {
  expect(synthesised.nagFailure).toBeUndefined();
});
