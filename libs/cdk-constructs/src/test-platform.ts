import { Stack, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { HttpApi, HttpAuthorizer, HttpAuthorizerType } from 'aws-cdk-lib/aws-apigatewayv2';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { ServiceEnvironmentConfig } from './environment-config';
import type { PlatformRefs } from './platform-refs';

/** The account and region every test stack synthesises for (explicit: offline synth needs no credentials). */
export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' } as const;

/**
 * A minimal stand-in for infra's platform stack, for specs that build service stacks: a bus,
 * a rotating key, an HTTP API with a JWT authorizer (dummy issuer) and an alarms topic.
 */
export function createTestPlatform(app: App, envName: PlatformRefs['envName'] = 'dev'): { stack: Stack; refs: PlatformRefs } {
  const stack = new Stack(app, `TestPlatform-${envName}`, { env: TEST_ENV });
  const key = new Key(stack, 'Key', { enableKeyRotation: true });
  const httpApi = new HttpApi(stack, 'Api', { createDefaultStage: true });
  const jwtAuthorizer = new HttpAuthorizer(stack, 'Jwt', {
    httpApi,
    type: HttpAuthorizerType.JWT,
    identitySource: ['$request.header.Authorization'],
    jwtIssuer: 'https://issuer.example.com',
    jwtAudience: ['pulse-operators'],
  });
  const refs: PlatformRefs = {
    envName,
    bus: new EventBus(stack, 'Bus', { eventBusName: `pulse-${envName}` }),
    key,
    httpApi,
    jwtAuthorizer,
    alarmsTopic: new Topic(stack, 'Alarms', { masterKey: key, enforceSSL: true }),
  };
  // Infra's real platform stack writes access logs; this stand-in has no stage traffic to log.
  Validations.of(httpApi).acknowledge({ id: 'AwsSolutions::AwsSolutions-APIG1', reason: 'Test stand-in for the platform stack, never deployed.' });
  return { stack, refs };
}

/** A configuration like dev's, with every threshold set and a webhook URL so alert's API destination is built. */
export function testServiceConfig(overrides: Partial<ServiceEnvironmentConfig> = {}): ServiceEnvironmentConfig {
  return {
    envName: 'dev',
    logLevel: 'INFO',
    logRetentionDays: 30,
    dataRetentionDays: 30,
    pointInTimeRecovery: true,
    retainData: false,
    variables: { API_DESTINATION_ALERTS_WEBHOOK_URL: 'https://hooks.example.com/pulse' },
    alarms: { errorRatePercent: 1, p99DurationMs: 1000, iteratorAgeMs: 60_000 },
    ...overrides,
  };
}

/** cdk-nag's AwsSolutions pack on every stack of the app (cdk-nag 3: a validation plugin, not an Aspect). */
export function addAwsSolutionsChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Synthesises the app; with validation plugins, any unacknowledged error finding makes synth
 * throw. Returns that failure's message (the findings themselves are printed by the plugin),
 * or undefined when the app is clean.
 */
export function synthFailure(app: App): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
