import { BUS_NAME_ENV, METRICS_NAMESPACE, tableNameEnv, topicArnEnv, type FunctionDeclaration, type ServiceName } from '@pulse/service-kit';
import type { ServiceEnvironmentConfig } from './environment-config';

export interface EnvironmentSources {
  readonly service: ServiceName;
  readonly config: ServiceEnvironmentConfig;
  readonly busName: string;
  /** Physical name (or token) per declared table name. */
  readonly tableName: (table: string) => string;
  /** ARN (or token) per declared topic name. */
  readonly topicArn: (topic: string) => string;
}

/**
 * A function's variables. Later sources win: the declaration's defaults, then the
 * environment's configuration, then the wiring (bus, tables, topics) and Powertools, which
 * configuration must never be able to point elsewhere.
 */
export function functionEnvironment(fn: FunctionDeclaration, sources: EnvironmentSources): Record<string, string> {
  const needs = fn.environment ?? {};
  const wiring: Record<string, string> = {};
  if (needs.bus) wiring[BUS_NAME_ENV] = sources.busName;
  for (const { table } of needs.tables ?? []) wiring[tableNameEnv(table)] = sources.tableName(table);
  for (const topic of needs.topics ?? []) wiring[topicArnEnv(topic)] = sources.topicArn(topic);
  return {
    ...needs.variables,
    ...sources.config.variables,
    ...wiring,
    POWERTOOLS_SERVICE_NAME: sources.service,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    POWERTOOLS_LOG_LEVEL: sources.config.logLevel,
    // The bundles ship source maps: stack traces in the logs point at the TypeScript.
    NODE_OPTIONS: '--enable-source-maps',
  };
}
