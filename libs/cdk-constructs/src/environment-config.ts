/**
 * Per-environment settings every service stack reads (infra/ defines dev, staging, prod).
 */
export interface ServiceEnvironmentConfig {
  readonly envName: 'dev' | 'staging' | 'prod';
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** CloudWatch Logs retention in days. */
  readonly logRetentionDays: number;
  /** Readings/alerts retention for TTL attributes, days. */
  readonly dataRetentionDays: number;
  /** Point-in-time recovery on tables. */
  readonly pointInTimeRecovery: boolean;
  /** RemovalPolicy RETAIN for stateful resources. */
  readonly retainData: boolean;
  /** Overrides per function name: memory, timeout, provisioned concurrency. */
  readonly functions?: Readonly<Record<string, { memoryMb?: number; timeoutSeconds?: number; provisionedConcurrency?: number }>>;
  /** Plain variables added to every function of the service (alert rule defaults, rates). */
  readonly variables?: Readonly<Record<string, string>>;
  readonly alarms: { readonly errorRatePercent: number; readonly p99DurationMs: number; readonly iteratorAgeMs: number };
}
