import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { contracts, toRegistrySchema } from '@pulse/schemas';
import { buildPulseApp, type PulseApp } from '../app';
import { environmentSettings } from '../config/environments';
import type { EnvName } from '../config/environment-settings';
import { PlatformStack } from './platform-stack';
import { registrySchemaName } from './schema-registry';

// One synthesis of all three environments (with cdk-nag), shared by every test below.
let pulse: PulseApp;
const templates = {} as Record<EnvName, Template>;
let validationReport: { pluginReports: { violations?: unknown[] }[] };

beforeAll(() => {
  pulse = buildPulseApp({ context: {}, processEnv: {}, services: false });
  for (const { settings, platform } of pulse.environments) templates[settings.name] = Template.fromStack(platform);
  const outdir = pulse.app.outdir;
  validationReport = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
});

const logicalIdOf = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

describe('platform stack', () => {
  it('is synthesised for dev, staging and prod with explicit account and region', () => {
    // Assess
    expect(pulse.environments.map((e) => e.platform.stackName)).toEqual([
      'Pulse-dev-Platform',
      'Pulse-staging-Platform',
      'Pulse-prod-Platform',
    ]);
    expect(pulse.environments.map((e) => `${e.platform.account}/${e.platform.region}`)).toEqual([
      '123456789012/eu-west-1',
      '123456789012/eu-west-1',
      '123456789012/eu-west-1',
    ]);
  });

  it.each(['dev', 'prod'] as const)('creates the bus pulse-%s with an archive of its events', (env) => {
    // Prepare
    const template = templates[env];
    const settings = environmentSettings(env);

    // Assess
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: `pulse-${env}` });
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::Events::EventBus'), 'Arn'] },
      RetentionDays: settings.bus.archiveRetentionDays,
      EventPattern: { account: ['123456789012'] },
    });
  });

  it('keeps archives longer in prod than in dev', () => {
    // Assess
    const days = (env: EnvName) =>
      Object.values(templates[env].findResources('AWS::Events::Archive'))[0]!['Properties'].RetentionDays as number;
    expect(days('prod')).toBeGreaterThan(days('dev'));
  });

  it('creates one KMS key with rotation, usable by AWS services only for this account', () => {
    // Prepare
    const template = templates.dev;

    // Assess
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:*' } },
          }),
          Match.objectLike({
            Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
          }),
        ]),
      },
    });
    // No statement grants a service principal the key without a condition.
    const statements = Object.values(template.findResources('AWS::KMS::Key'))[0]!['Properties'].KeyPolicy.Statement as {
      Principal: { Service?: unknown };
      Condition?: unknown;
    }[];
    expect(statements.filter((s) => s.Principal.Service !== undefined && s.Condition === undefined)).toEqual([]);
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/pulse-dev' });
  });

  it.each([
    ['dev', 50, 100],
    ['prod', 2_000, 5_000],
  ] as const)('throttles the %s HTTP API default stage at %i rps, burst %i', (env, rate, burst) => {
    // Assess
    templates[env].hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst },
    });
  });

  it('writes HTTP API access logs as JSON to a KMS-encrypted log group', () => {
    // Prepare
    const template = templates.dev;
    const keyId = logicalIdOf(template, 'AWS::KMS::Key');
    const logGroupId = Object.keys(
      template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/pulse/dev/http-api/access' } }),
    )[0]!;

    // Assess
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/pulse/dev/http-api/access',
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      RetentionInDays: 7,
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage['Properties'].AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    expect(JSON.parse(stage['Properties'].AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      routeKey: '$context.routeKey',
    });
  });

  it('leaves CORS off and maps no custom domain by default', () => {
    // Assess
    templates.prod.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: 'pulse-prod',
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.absent(),
    });
    templates.prod.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });

  it('creates the operators user pool: custom fleet attribute, no self sign-up, strong passwords, threat protection', () => {
    // Assess
    templates.dev.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'fleet', AttributeDataType: 'String' })]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true, RequireNumbers: true }) },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('lets the app client read custom:fleet but never write it, with no OAuth implicit grant', () => {
    // Prepare
    const client = Object.values(templates.dev.findResources('AWS::Cognito::UserPoolClient'))[0]!['Properties'];

    // Assess
    expect(client.ReadAttributes).toContain('custom:fleet');
    expect(client.WriteAttributes).not.toContain('custom:fleet');
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toBeUndefined();
  });

  it('validates operators ID tokens with a JWT authorizer: issuer = the pool, audience = the client', () => {
    // Prepare
    const template = templates.dev;
    const poolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
    const clientId = logicalIdOf(template, 'AWS::Cognito::UserPoolClient');

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      ApiId: { Ref: logicalIdOf(template, 'AWS::ApiGatewayV2::Api') },
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]] },
      },
    });
  });

  it('encrypts the alarms topic with the platform key', () => {
    // Prepare
    const template = templates.staging;

    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'pulse-staging-alarms',
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::KMS::Key'), 'Arn'] },
    });
  });

  it('registers one JSON Schema Draft 4 per contract, generated from libs/schemas', () => {
    // Prepare
    const template = templates.dev;

    // Assess
    template.hasResourceProperties('AWS::EventSchemas::Registry', { RegistryName: 'pulse-dev' });
    template.resourceCountIs('AWS::EventSchemas::Schema', contracts.length);
    for (const contract of contracts) {
      const found = template.findResources('AWS::EventSchemas::Schema', {
        Properties: { SchemaName: registrySchemaName(contract), Type: 'JSONSchemaDraft4' },
      });
      const [schema] = Object.values(found);
      expect(schema).toBeDefined();
      expect(JSON.parse(schema!['Properties'].Content)).toEqual(toRegistrySchema(contract));
    }
  });

  it('places a VPC with endpoints and no internet path in prod only', () => {
    // Assess
    for (const env of ['dev', 'staging'] as const) {
      templates[env].resourceCountIs('AWS::EC2::VPC', 0);
      templates[env].resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    }
    const prod = templates.prod;
    const endpoints = Object.values(prod.findResources('AWS::EC2::VPCEndpoint')).map((r) => r['Properties']);
    const interfaceServices = endpoints
      .filter((e) => e.VpcEndpointType === 'Interface')
      .map((e) => String(e.ServiceName).replace('com.amazonaws.eu-west-1.', ''))
      .sort();
    expect(interfaceServices).toEqual(['events', 'kms', 'logs', 'monitoring', 'sqs', 'xray']);
    expect(endpoints.filter((e) => e.VpcEndpointType === 'Gateway')).toHaveLength(1);
    prod.resourceCountIs('AWS::EC2::NatGateway', 0);
    prod.resourceCountIs('AWS::EC2::InternetGateway', 0);
    prod.resourceCountIs('AWS::EC2::FlowLog', 1);
  });

  it('hands service stacks their refs, with the VPC only where configured', () => {
    // Prepare
    const [dev, , prod] = pulse.environments;

    // Assess
    expect(dev!.platform.refs).toMatchObject({ envName: 'dev', bus: dev!.platform.bus, httpApi: dev!.platform.httpApi });
    expect(dev!.platform.refs.jwtAuthorizer).toBe(dev!.platform.jwtAuthorizer);
    expect(dev!.platform.refs.vpc).toBeUndefined();
    expect(prod!.platform.refs.vpc?.securityGroup).toBe(prod!.platform.vpc?.securityGroup);
  });
});

describe('cdk-nag on the platform stacks', () => {
  it('reports no unacknowledged AwsSolutions finding in any environment', () => {
    // Assess: synthesis itself fails on an error; warnings would still land in the report.
    const violations = validationReport.pluginReports.flatMap((r) => r.violations ?? []);
    expect(violations).toEqual([]);
  });
});

describe('platform options', () => {
  it('maps a custom domain and allows CORS origins only when configured', () => {
    // Prepare
    const base = environmentSettings('dev', { processEnv: {} });
    const settings = {
      ...base,
      api: {
        ...base.api,
        corsAllowOrigins: ['https://ops.example.org'],
        customDomain: { domainName: 'api.example.org', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' },
      },
    };

    // Act
    const stack = new PlatformStack(new App(), 'Pulse-dev-Platform', { settings, contracts: [] });
    const template = Template.fromStack(stack);

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.org',
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' })],
    });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://ops.example.org'] }),
    });
    template.resourceCountIs('AWS::EventSchemas::Schema', 0);
  });
});
