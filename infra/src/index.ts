export { buildPulseApp, type PulseApp, type PulseEnvironmentStacks } from './app';
export { addServiceStacks, serviceStackName, SERVICE_STACKS } from './services/service-stacks';
export { environmentSettings, selectedEnvironments, isEnvName } from './config/environments';
export { ENV_NAMES, type EnvName, type EnvironmentSettings } from './config/environment-settings';
export { serviceEnvironmentConfig } from './config/service-environment';
export { PlatformStack, platformStackName } from './platform/platform-stack';
export { ObservabilityStack, observabilityStackName } from './observability/observability-stack';
export { OBSERVABILITY_SETTINGS, type ObservabilitySettings } from './observability/observability-settings';
