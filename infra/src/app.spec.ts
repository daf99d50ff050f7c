import { Stack } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildPulseApp } from './app';

const inlineCode = () => Code.fromInline('exports.handler = async () => {}');

describe('buildPulseApp', () => {
  it('builds the platform, the five service stacks and the observability stack of the environment named by context', () => {
    // Act
    const { app, environments } = buildPulseApp({
      context: { env: 'staging', account: '111111111111', region: 'us-east-1' },
      processEnv: {},
      code: inlineCode,
    });

    // Assess
    const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack);
    expect(stacks.map((s) => s.stackName)).toEqual([
      'Pulse-staging-Platform',
      'Pulse-staging-Ingest',
      'Pulse-staging-Transform',
      'Pulse-staging-Enrich',
      'Pulse-staging-Persist',
      'Pulse-staging-Alert',
      'Pulse-staging-Observability',
    ]);
    expect(new Set(stacks.map((s) => `${s.account}/${s.region}`))).toEqual(new Set(['111111111111/us-east-1']));
    expect(environments.map((e) => e.settings.name)).toEqual(['staging']);
  });

  it('reads env, account and region from CDK context when none is passed in', () => {
    // Act
    const { environments } = buildPulseApp({
      appProps: { context: { env: 'prod', account: '333333333333' } },
      processEnv: {},
      services: false,
    });

    // Assess
    expect(environments.map((e) => [e.settings.name, e.platform.account, e.platform.region])).toEqual([
      ['prod', '333333333333', 'eu-west-1'],
    ]);
  });
});
