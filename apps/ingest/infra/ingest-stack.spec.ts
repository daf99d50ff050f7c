import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { actionsOf, iamStatements, synthServiceStack, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type SynthesisedServiceStack } from '@pulse/cdk-constructs';
import { INCOMING_PREFIX } from '../src/domain/drop-key';
import { IngestStack } from './ingest-stack';

let synthesised: SynthesisedServiceStack<IngestStack>;
let stack: IngestStack;
let template: SynthesisedServiceStack<IngestStack>['template'];
const idOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);
const fnOf = (name: string) => stack.service.functions.get(name)!;
const queueArn = (name: string) => ({ 'Fn::GetAtt': [idOf(stack.service.queues.get(name)!), 'Arn'] });

// Prepare / Act: one synthesis (with cdk-nag) for the whole file; provisioned concurrency as prod would set it.
beforeAll(() => {
  synthesised = synthServiceStack((app, props) =>
    new IngestStack(app, 'Pulse-dev-Ingest', { ...props, config: { ...props.config, functions: { 'receive-readings': { provisionedConcurrency: 2 } } } }),
  );
  ({ stack, template } = synthesised);
});

test('six functions on Node 22+ arm64 with active tracing; ingest subscribes to nothing', () => {
  const functions = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: Match.stringLikeRegexp('^pulse-dev-ingest-') } }));
  expect(functions).toHaveLength(6);
  for (const fn of functions) expect(fn.Properties).toMatchObject({ Architectures: ['arm64'], TracingConfig: { Mode: 'Active' }, Handler: 'index.handler' });
  template.resourceCountIs('AWS::Events::Rule', 0);
});

test("ingest's routes use its API-key authorizer: simple responses, payload 2.0, x-api-key, TTL 300 s", () => {
  template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
    AuthorizerType: 'REQUEST',
    EnableSimpleResponses: true,
    AuthorizerPayloadFormatVersion: '2.0',
    IdentitySource: ['$request.header.x-api-key'],
    AuthorizerResultTtlInSeconds: 300,
    AuthorizerUri: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [idOf(fnOf('authorize-api-key').fn), 'Arn'] }])] }),
  });
  for (const routeKey of ['POST /v1/readings', 'PUT /v1/devices/{deviceId}', 'DELETE /v1/devices/{deviceId}']) {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey, AuthorizationType: 'CUSTOM' });
  }
});

test('receive-readings has provisioned concurrency on its live alias, which the route integrates', () => {
  template.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } });
  template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationUri: { Ref: idOf(fnOf('receive-readings').invocable as never) } });
});

test('the Kinesis mapping: batch 100, 1 s window, LATEST, bisect, partial failures, 10 retries, 24 h, failure queue', () => {
  template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
    FunctionName: { Ref: idOf(fnOf('receive-kinesis-readings').fn) },
    BatchSize: 100,
    MaximumBatchingWindowInSeconds: 1,
    StartingPosition: 'LATEST',
    BisectBatchOnFunctionError: true,
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    MaximumRetryAttempts: 10,
    MaximumRecordAgeInSeconds: 86400,
    DestinationConfig: { OnFailure: { Destination: queueArn('ingest-kinesis-dlq') } },
  });
  template.hasResourceProperties('AWS::Kinesis::Stream', { Name: 'pulse-dev-ingest-readings', StreamEncryption: { EncryptionType: 'KMS', KeyId: Match.anyValue() } });
});

test('the drop bucket notifies receive-s3-readings on incoming/, retried twice by Lambda, then the failure queue', () => {
  template.hasResourceProperties('Custom::S3BucketNotifications', {
    NotificationConfiguration: {
      LambdaFunctionConfigurations: [
        { Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: INCOMING_PREFIX }] } }, LambdaFunctionArn: Match.anyValue() },
      ],
    },
  });
  template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
    FunctionName: { Ref: idOf(fnOf('receive-s3-readings').fn) },
    MaximumRetryAttempts: 2,
    DestinationConfig: { OnFailure: { Destination: queueArn('ingest-s3-dlq') } },
  });
  template.hasResourceProperties('AWS::S3::Bucket', {
    BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
  });
});

test('Fleets: byFleet GSI, TTL on its purge attribute, KMS', () => {
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    TableName: 'pulse-dev-ingest-fleets',
    GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byFleet' })],
    TimeToLiveSpecification: Match.objectLike({ Enabled: true }),
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
  });
});

test('RateLimits: the shared per-fleet buckets, TTL on purgeAt, KMS', () => {
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    TableName: 'pulse-dev-ingest-rate-limits',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    TimeToLiveSpecification: { AttributeName: 'purgeAt', Enabled: true },
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
  });
});

test('least privilege: PutEvents as pulse.ingest only for the publishers; only device admin writes Fleets, receive-readings only RateLimits', () => {
  const putEvents = iamStatements(template).filter((s) => actionsOf([s]).includes('events:PutEvents'));
  expect(putEvents).toHaveLength(5);
  for (const s of putEvents) expect(s.Condition).toEqual({ StringEquals: { 'events:source': 'pulse.ingest' } });
  const authorizer = actionsOf(iamStatements(template, idOf(fnOf('authorize-api-key').fn.role!)));
  expect(authorizer).not.toContain('events:PutEvents');
  expect(authorizer).toEqual(expect.arrayContaining([...TABLE_READ_ACTIONS]));
  const receiveWrites = iamStatements(template, idOf(fnOf('receive-readings').fn.role!)).filter((s) =>
    actionsOf([s]).some((action) => (TABLE_WRITE_ACTIONS as readonly string[]).includes(action)),
  );
  expect(receiveWrites.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [idOf(stack.service.tables.get('RateLimits')!.table), 'Arn'] }]);
  expect(actionsOf(iamStatements(template, idOf(fnOf('register-device').fn.role!)))).toEqual(expect.arrayContaining([...TABLE_WRITE_ACTIONS]));
  expect(actionsOf(iamStatements(template))).not.toContain('dynamodb:*');
});

test('alarms: 2 per function, 1 per failure queue, Kinesis iterator age', () => {
  template.resourceCountIs('AWS::CloudWatch::Alarm', 6 * 2 + 2 + 1);
  template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge' });
});

test('cdk-nag AwsSolutions: no unacknowledged error', () => {
  expect(synthesised.nagFailure).toBeUndefined();
});
