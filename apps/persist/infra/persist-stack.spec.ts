import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { actionsOf, iamStatements, synthServiceStack, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type SynthesisedServiceStack } from '@pulse/cdk-constructs';
import { subscriptions } from '../src/subscription';
import { PersistStack } from './persist-stack';

let synthesised: SynthesisedServiceStack<PersistStack>;
let stack: PersistStack;
let template: SynthesisedServiceStack<PersistStack>['template'];
const idOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);
const roleOf = (fn: string) => idOf(stack.service.functions.get(fn)!.fn.role!);

// Prepare / Act: one synthesis (with cdk-nag) for the whole file; prod-like data settings.
beforeAll(() => {
  synthesised = synthServiceStack((app, props) =>
    new PersistStack(app, 'Pulse-dev-Persist', { ...props, config: { ...props.config, retainData: true, pointInTimeRecovery: true } }),
  );
  ({ stack, template } = synthesised);
});

test('the ReadingsEnriched rule: exact pattern, 24 attempts / 2 h, persist-dlq', () => {
  const rule = Object.values(template.findResources('AWS::Events::Rule'))[0]!.Properties;
  expect(rule.Name).toBe('persist-readings-enriched');
  expect(rule.EventPattern).toEqual(subscriptions[0].pattern);
  expect(rule.Targets[0]).toMatchObject({
    RetryPolicy: { MaximumRetryAttempts: 24, MaximumEventAgeInSeconds: 7200 },
    DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(stack.service.queues.get('persist-dlq')!), 'Arn'] } },
  });
});

test('Readings: TTL on expiresAt, byZone GSI with its included attributes, KMS, PITR, retained', () => {
  template.hasResource('AWS::DynamoDB::GlobalTable', {
    DeletionPolicy: 'Retain',
    Properties: Match.objectLike({
      TableName: 'pulse-dev-persist-readings',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'byZone', Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['aqi', 'measurements', 'quality'] } }),
      ],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    }),
  });
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: 'pulse-dev-persist-zone-status' });
});

test('read routes use the JWT authorizer', () => {
  for (const routeKey of ['GET /v1/devices/{deviceId}/readings', 'GET /v1/zones', 'GET /v1/zones/{zoneId}/readings']) {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey, AuthorizationType: 'JWT', AuthorizerId: Match.anyValue() });
  }
});

test('least privilege: the read functions only read, each only its own table (and index); store-readings writes both', () => {
  const readings = { 'Fn::GetAtt': [idOf(stack.service.tables.get('Readings')!.table), 'Arn'] };
  for (const fn of ['get-device-readings', 'get-zone-readings']) {
    const getReadings = iamStatements(template, roleOf(fn)).filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(getReadings).toEqual([
      expect.objectContaining({ Action: [...TABLE_READ_ACTIONS], Resource: [readings, { 'Fn::Join': ['', [readings, '/index/byZone']] }] }),
    ]);
  }
  const listZones = actionsOf(iamStatements(template, roleOf('list-zones')));
  for (const write of TABLE_WRITE_ACTIONS) expect(listZones).not.toContain(write);
  expect(actionsOf(iamStatements(template, roleOf('store-readings')))).toEqual(expect.arrayContaining([...TABLE_WRITE_ACTIONS, 'events:PutEvents']));
  expect(actionsOf(iamStatements(template))).not.toContain('dynamodb:*');
  const putEvents = iamStatements(template).filter((s) => actionsOf([s]).includes('events:PutEvents'));
  expect(putEvents.map((s) => s.Condition)).toEqual([{ StringEquals: { 'events:source': 'pulse.persist' } }]);
});

test('alarms: 2 per function, 1 for the DLQ', () => {
  template.resourceCountIs('AWS::CloudWatch::Alarm', 2 * 4 + 1);
});

test('cdk-nag AwsSolutions: no unacknowledged error', () => {
  expect(synthesised.nagFailure).toBeUndefined();
});
