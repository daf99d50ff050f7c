import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { actionsOf, iamStatements, synthServiceStack, type SynthesisedServiceStack } from '@pulse/cdk-constructs';
import { NOTIFY_ALL_RULE, NOTIFY_WEBHOOK_RULE, PAGE_UNHEALTHY_RULE, EVALUATE_RULE, subscriptions } from '../src/subscription';
import { AlertStack } from './alert-stack';

let synthesised: SynthesisedServiceStack<AlertStack>;
let stack: AlertStack;
let template: SynthesisedServiceStack<AlertStack>['template'];
const idOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);
const ruleNamed = (name: string) => Object.values(template.findResources('AWS::Events::Rule', { Properties: { Name: name } }))[0]!.Properties;
const dlqArn = (name: string) => ({ 'Fn::GetAtt': [idOf(stack.service.queues.get(name)!), 'Arn'] });

// Prepare / Act: one synthesis (with cdk-nag) for the whole file; the test config sets the webhook URL.
beforeAll(() => {
  synthesised = synthServiceStack((app, props) => new AlertStack(app, 'Pulse-dev-Alert', props));
  ({ stack, template } = synthesised);
});

test('four rules, each with exactly its declared pattern', () => {
  template.resourceCountIs('AWS::Events::Rule', 4);
  for (const sub of subscriptions) expect(ruleNamed(sub.rule).EventPattern).toEqual(sub.pattern);
  expect(ruleNamed(PAGE_UNHEALTHY_RULE).EventPattern.detail).toEqual({ data: { severity: [{ numeric: ['>=', 3] }] } });
});

test('evaluation: 185 attempts within 1 h into alert-dlq; notifications: EventBridge defaults into alert-notify-dlq', () => {
  expect(ruleNamed(EVALUATE_RULE).Targets[0]).toMatchObject({
    RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 3600 },
    DeadLetterConfig: { Arn: dlqArn('alert-dlq') },
  });
  for (const name of [NOTIFY_ALL_RULE, NOTIFY_WEBHOOK_RULE, PAGE_UNHEALTHY_RULE]) {
    expect(ruleNamed(name).Targets[0]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
      DeadLetterConfig: { Arn: dlqArn('alert-notify-dlq') },
    });
  }
  template.resourceCountIs('AWS::SQS::Queue', 2);
});

test('SNS targets are the KMS-encrypted alerts and pager topics; the webhook is an API destination', () => {
  expect(ruleNamed(NOTIFY_ALL_RULE).Targets[0].Arn).toEqual({ Ref: idOf(stack.service.topics.get('alerts')!) });
  expect(ruleNamed(PAGE_UNHEALTHY_RULE).Targets[0].Arn).toEqual({ Ref: idOf(stack.service.topics.get('pager')!) });
  template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'pulse-dev-alert-pager', KmsMasterKeyId: Match.anyValue() });
  template.resourceCountIs('AWS::Events::ApiDestination', 1);
});

test('tables: AlertState and Alerts with both GSIs, KMS', () => {
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    TableName: 'pulse-dev-alert-alerts',
    GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byStatus' }), Match.objectLike({ IndexName: 'byZone' })],
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
  });
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: 'pulse-dev-alert-alert-state' });
});

test('GET /v1/alerts uses the JWT authorizer', () => {
  template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /v1/alerts', AuthorizationType: 'JWT' });
});

test('least privilege: only evaluate-readings publishes, as pulse.alert; list-alerts only reads', () => {
  const putEvents = iamStatements(template).filter((s) => actionsOf([s]).includes('events:PutEvents'));
  expect(putEvents.map((s) => s.Condition)).toEqual([{ StringEquals: { 'events:source': 'pulse.alert' } }]);
  const lister = actionsOf(iamStatements(template, idOf(stack.service.functions.get('list-alerts')!.fn.role!)));
  expect([...new Set(lister.filter((a) => a.startsWith('dynamodb:')))].sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
  expect(actionsOf(iamStatements(template))).not.toContain('dynamodb:*');
});

test('alarms: 2 per function, 1 per DLQ', () => {
  template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
});

test('cdk-nag AwsSolutions: no unacknowledged error', () => {
  expect(synthesised.nagFailure).toBeUndefined();
});
