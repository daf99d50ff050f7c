import type { ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import type { ServiceName } from '@pulse/service-kit';

export type EnvName = ServiceEnvironmentConfig['envName'];
export const ENV_NAMES: readonly EnvName[] = ['dev', 'staging', 'prod'];

/**
 * Placeholders used when neither CDK context nor the CDK_DEFAULT_* variables name an
 * account/region: every stack needs an explicit env for offline synth, and these values
 * make it obvious in a template that no real account was chosen.
 */
export const PLACEHOLDER_ACCOUNT = '123456789012';
export const PLACEHOLDER_REGION = 'eu-west-1';

export type FunctionOverrides = NonNullable<ServiceEnvironmentConfig['functions']>;

/** Everything that differs between dev, staging and prod, in one typed value. */
export interface EnvironmentSettings {
  readonly name: EnvName;
  readonly account: string;
  readonly region: string;
  readonly logLevel: ServiceEnvironmentConfig['logLevel'];
  readonly logRetentionDays: number;
  readonly dataRetentionDays: number;
  readonly pointInTimeRecovery: boolean;
  readonly retainData: boolean;
  readonly alarms: ServiceEnvironmentConfig['alarms'];
  /** Per service, per function: memory, timeout, provisioned concurrency. */
  readonly functions: Partial<Record<ServiceName, FunctionOverrides>>;
  /** Per service, plain variables added to every function (alert rule defaults, retention). */
  readonly variables: Partial<Record<ServiceName, Readonly<Record<string, string>>>>;
  readonly bus: { readonly archiveRetentionDays: number };
  readonly api: {
    /** HTTP API default stage throttling: steady-state requests/s and burst. */
    readonly throttling: { readonly rateLimit: number; readonly burstLimit: number };
    /** Off by default: sensors and operators' tools call the API, not browsers. */
    readonly corsAllowOrigins?: readonly string[];
    readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  };
  /** Functions in private isolated subnets with VPC endpoints, no internet egress. */
  readonly vpc: { readonly enabled: boolean; readonly maxAzs: number; /** Literal, so security group rules can name it. */ readonly cidr: string };
}
