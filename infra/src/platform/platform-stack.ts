import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi, HttpAuthorizer, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { PlatformRefs } from '@pulse/cdk-constructs';
import { contracts as allContracts, type EventContract } from '@pulse/schemas';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';
import { createAlarmsTopic } from './alarms-topic';
import { createOperators } from './operators-user-pool';
import { createPlatformBus } from './platform-bus';
import { createPlatformHttpApi } from './platform-http-api';
import { createPlatformKey } from './platform-key';
import { createPlatformVpc, type PlatformVpc } from './platform-vpc';
import { createSchemaRegistry } from './schema-registry';

export interface PlatformStackProps extends StackProps {
  readonly settings: EnvironmentSettings;
  /** The contracts registered in the schema registry; defaults to every contract in libs/schemas. */
  readonly contracts?: readonly EventContract<unknown>[];
}

export function platformStackName(env: EnvironmentSettings['name']): string {
  return `Pulse-${env}-Platform`;
}

/**
 * What every service of one environment shares: bus and archive, key, HTTP API, operators'
 * user pool and JWT authorizer, alarms topic, schema registry and, where configured, the VPC.
 * Service stacks read `refs` and nothing else.
 */
export class PlatformStack extends Stack {
  readonly refs: PlatformRefs;
  readonly bus: EventBus;
  readonly key: Key;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly jwtAuthorizer: HttpAuthorizer;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly alarmsTopic: Topic;
  readonly vpc?: PlatformVpc;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    const { settings } = props;
    super(scope, id, {
      ...props,
      env: { account: settings.account, region: settings.region },
      description: `Pulse ${settings.name}: shared platform (bus, key, HTTP API, operators, alarms, schemas)`,
    });

    this.key = createPlatformKey(this, settings);
    this.bus = createPlatformBus(this, settings);
    const api = createPlatformHttpApi(this, settings, this.key);
    this.httpApi = api.httpApi;
    this.stage = api.stage;
    const operators = createOperators(this, settings, this.httpApi);
    this.userPool = operators.userPool;
    this.userPoolClient = operators.client;
    this.jwtAuthorizer = operators.jwtAuthorizer;
    this.alarmsTopic = createAlarmsTopic(this, settings, this.key);
    createSchemaRegistry(this, settings, props.contracts ?? allContracts);
    if (settings.vpc.enabled) this.vpc = createPlatformVpc(this, settings, this.key);

    this.refs = {
      envName: settings.name,
      bus: this.bus,
      key: this.key,
      httpApi: this.httpApi,
      jwtAuthorizer: this.jwtAuthorizer,
      alarmsTopic: this.alarmsTopic,
      ...(this.vpc ? { vpc: { vpc: this.vpc.vpc, securityGroup: this.vpc.securityGroup } } : {}),
    };

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'HTTP API base URL' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}
