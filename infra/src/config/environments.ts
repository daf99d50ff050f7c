import { ALERT_RULE_VARIABLES } from './alert-rule-variables';
import {
  ENV_NAMES,
  PLACEHOLDER_ACCOUNT,
  PLACEHOLDER_REGION,
  type EnvName,
  type EnvironmentSettings,
} from './environment-settings';

/**
 * Where account and region come from, first match wins: CDK context, then CDK_DEFAULT_*.
 * Context may also carry `domainName` + `certificateArn` (custom API domain) and
 * `alertsWebhookUrl` (the alert service's notification webhook).
 */
export interface EnvironmentSources {
  /** CDK context values (`-c account=… -c region=…`). */
  readonly context?: Readonly<Record<string, unknown>>;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

/** apiDestinationUrlVariable('alerts-webhook') in libs/cdk-constructs: the alert rule's target URL. */
const ALERTS_WEBHOOK_URL_ENV = 'API_DESTINATION_ALERTS_WEBHOOK_URL';

/** The persist service's retention variable (apps/persist/src/commons/retention-config.ts). */
const RETENTION_DAYS_ENV = 'PULSE_RETENTION_DAYS';

type Tunables = Omit<EnvironmentSettings, 'name' | 'account' | 'region'>;

const DAY = 1;
const YEAR = 365 * DAY;

const dev: Tunables = {
  logLevel: 'DEBUG',
  logRetentionDays: 7,
  dataRetentionDays: 7,
  pointInTimeRecovery: false,
  retainData: false,
  alarms: { errorRatePercent: 5, p99DurationMs: 3_000, iteratorAgeMs: 300_000 },
  functions: {},
  variables: {
    alert: ALERT_RULE_VARIABLES,
    persist: { [RETENTION_DAYS_ENV]: '7' },
  },
  bus: { archiveRetentionDays: 7 },
  api: { throttling: { rateLimit: 50, burstLimit: 100 } },
  vpc: { enabled: false, maxAzs: 2, cidr: '10.40.0.0/16' },
};

const staging: Tunables = {
  ...dev,
  logLevel: 'INFO',
  logRetentionDays: 30,
  dataRetentionDays: 30,
  pointInTimeRecovery: true,
  retainData: false,
  alarms: { errorRatePercent: 2, p99DurationMs: 2_000, iteratorAgeMs: 120_000 },
  variables: { ...dev.variables, persist: { [RETENTION_DAYS_ENV]: '30' } },
  bus: { archiveRetentionDays: 30 },
  api: { throttling: { rateLimit: 500, burstLimit: 1_000 } },
};

const prod: Tunables = {
  ...staging,
  logLevel: 'INFO',
  logRetentionDays: 365,
  dataRetentionDays: YEAR,
  retainData: true,
  alarms: { errorRatePercent: 1, p99DurationMs: 1_000, iteratorAgeMs: 60_000 },
  // The front door keeps warm instances: sensors retry on timeouts, a cold start costs a batch.
  functions: { ingest: { 'receive-readings': { provisionedConcurrency: 5 } } },
  variables: { ...dev.variables, persist: { [RETENTION_DAYS_ENV]: String(YEAR) } },
  bus: { archiveRetentionDays: YEAR },
  api: { throttling: { rateLimit: 2_000, burstLimit: 5_000 } },
  vpc: { enabled: true, maxAzs: 3, cidr: '10.42.0.0/16' },
};

const TUNABLES: Readonly<Record<EnvName, Tunables>> = { dev, staging, prod };

/** One environment, with account/region resolved from context, then env, then placeholders. */
export function environmentSettings(name: EnvName, sources: EnvironmentSources = {}): EnvironmentSettings {
  const context = sources.context ?? {};
  const processEnv = sources.processEnv ?? {};
  const tunables = TUNABLES[name];
  const domainName = firstText(context['domainName']);
  const certificateArn = firstText(context['certificateArn']);
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('Context domainName and certificateArn go together: set both or neither');
  }
  const webhookUrl = firstText(context['alertsWebhookUrl']);
  return {
    name,
    account: firstText(context['account'], processEnv['CDK_DEFAULT_ACCOUNT']) ?? PLACEHOLDER_ACCOUNT,
    region: firstText(context['region'], processEnv['CDK_DEFAULT_REGION']) ?? PLACEHOLDER_REGION,
    ...tunables,
    api: domainName && certificateArn ? { ...tunables.api, customDomain: { domainName, certificateArn } } : tunables.api,
    // The alert webhook's URL is per deployment (the alert service skips the rule without it).
    variables: webhookUrl
      ? { ...tunables.variables, alert: { ...tunables.variables.alert, [ALERTS_WEBHOOK_URL_ENV]: webhookUrl } }
      : tunables.variables,
  };
}

/**
 * The environments to synthesise: the one named by context `env`, else all three. An unknown
 * name fails loudly rather than deploying nothing.
 */
export function selectedEnvironments(sources: EnvironmentSources = {}): EnvironmentSettings[] {
  const requested = sources.context?.['env'];
  if (requested === undefined || requested === '') return ENV_NAMES.map((name) => environmentSettings(name, sources));
  if (!isEnvName(requested)) throw new Error(`Unknown env '${String(requested)}': expected one of ${ENV_NAMES.join(', ')}`);
  return [environmentSettings(requested, sources)];
}

export function isEnvName(value: unknown): value is EnvName {
  return typeof value === 'string' && (ENV_NAMES as readonly string[]).includes(value);
}

function firstText(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v !== '');
}
