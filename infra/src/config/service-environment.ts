import type { ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import type { ServiceName } from '@pulse/service-kit';
import type { EnvironmentSettings } from './environment-settings';

/** The slice of an environment one service stack reads (libs/cdk-constructs' interface). */
export function serviceEnvironmentConfig(settings: EnvironmentSettings, service: ServiceName): ServiceEnvironmentConfig {
  const functions = settings.functions[service];
  const variables = settings.variables[service];
  return {
    envName: settings.name,
    logLevel: settings.logLevel,
    logRetentionDays: settings.logRetentionDays,
    dataRetentionDays: settings.dataRetentionDays,
    pointInTimeRecovery: settings.pointInTimeRecovery,
    retainData: settings.retainData,
    alarms: settings.alarms,
    ...(functions ? { functions } : {}),
    ...(variables ? { variables } : {}),
  };
}
