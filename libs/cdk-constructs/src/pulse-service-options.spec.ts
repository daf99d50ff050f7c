import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { SecurityGroup, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { PulseService } from './pulse-service';
import { addAwsSolutionsChecks, createTestPlatform, synthFailure, testServiceConfig, TEST_ENV } from './test-platform';

const code = () => Code.fromInline('exports.handler = async () => {}');

const webhookOnly: ServiceDeclaration = {
  name: 'alert',
  functions: [{ name: 'evaluate', handler: 'src/handlers/evaluate.ts', memoryMb: 256, timeoutSeconds: 10 }],
  subscriptions: [
    {
      rule: 'hook',
      pattern: { source: ['pulse.alert'], 'detail-type': ['AlertRaised'] },
      target: { kind: 'apiDestination', destination: 'alerts-webhook' },
      deadLetterQueue: 'hook-dlq',
    },
  ],
};

test('an API destination without a configured URL is left out with a synth warning, not a broken rule', () => {
  // Prepare
  const app = new App();
  const { refs } = createTestPlatform(app);
  const stack = new Stack(app, 'Service', { env: TEST_ENV });
  // Act
  new PulseService(stack, 'Alert', { declaration: webhookOnly, platform: refs, config: testServiceConfig({ variables: {} }), code });
  // Assess
  Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 0);
  expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('API_DESTINATION_ALERTS_WEBHOOK_URL'))).toHaveLength(1);
});

test('with a platform VPC, functions run in its isolated subnets with its security group', () => {
  // Prepare
  const app = new App();
  const { stack: platformStack, refs } = createTestPlatform(app);
  const vpc = new Vpc(platformStack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'isolated', subnetType: SubnetType.PRIVATE_ISOLATED }] });
  const securityGroup = new SecurityGroup(platformStack, 'Functions', { vpc, allowAllOutbound: false });
  const stack = new Stack(app, 'Service', { env: TEST_ENV });
  // Act
  new PulseService(stack, 'Alert', { declaration: webhookOnly, platform: { ...refs, vpc: { vpc, securityGroup } }, config: testServiceConfig(), code });
  // Assess
  const template = Template.fromStack(stack);
  const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0]!;
  expect(fn.Properties.VpcConfig.SubnetIds).toHaveLength(vpc.isolatedSubnets.length);
  expect(JSON.stringify(fn.Properties.VpcConfig.SecurityGroupIds)).toContain('ImportValue');
});

test('the nag check bites: an unacknowledged finding fails the synth', () => {
  // Prepare: an unencrypted queue without a DLQ, which AwsSolutions rejects.
  const app = new App();
  addAwsSolutionsChecks(app);
  const stack = new Stack(app, 'Careless', { env: TEST_ENV });
  new Queue(stack, 'Plain');
  // Act
  const failure = synthFailure(app);
  // Assess
  expect(failure).toMatch(/AwsSolutions-SQS4/);
  expect(failure).toMatch(/Careless\/Plain/);
});

test('a configured log retention CloudWatch does not offer fails the synth', () => {
  // Prepare
  const app = new App();
  const { refs } = createTestPlatform(app);
  const stack = new Stack(app, 'Service', { env: TEST_ENV });
  // Act / Assess
  expect(() => new PulseService(stack, 'Alert', { declaration: webhookOnly, platform: refs, config: testServiceConfig({ logRetentionDays: 31 }), code })).toThrow(
    /logRetentionDays 31/,
  );
});
