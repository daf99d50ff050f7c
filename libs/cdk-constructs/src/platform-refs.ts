import type { HttpApi, HttpAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IVpc, ISecurityGroup, SubnetSelection } from 'aws-cdk-lib/aws-ec2';

/**
 * What the platform stack (infra/) hands every service stack: a service stack depends on
 * these and on nothing from another service's stack.
 */
export interface PlatformRefs {
  readonly envName: 'dev' | 'staging' | 'prod';
  /** The custom bus pulse-<env>. */
  readonly bus: IEventBus;
  /** Encrypts tables, queues, topics, buckets and logs. */
  readonly key: IKey;
  /** The platform's HTTP API; services add their routes to it. */
  readonly httpApi: HttpApi;
  /** Validates operators' Cognito ID tokens (routes with auth 'jwt'). */
  readonly jwtAuthorizer: HttpAuthorizer;
  /** Alarms of every service go here. */
  readonly alarmsTopic: ITopic;
  /** Present when the environment places functions in private subnets. */
  /** `subnets` defaults to the private isolated subnets (no internet egress). */
  readonly vpc?: { readonly vpc: IVpc; readonly securityGroup: ISecurityGroup; readonly subnets?: SubnetSelection };
}
