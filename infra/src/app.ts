import { App, type AppProps, type Stack } from 'aws-cdk-lib';
import { buildOutputCode, type FunctionCodeSource } from '@pulse/cdk-constructs';
import type { ServiceName } from '@pulse/service-kit';
import { WORKSPACE_ROOT } from './workspace-root';
import { selectedEnvironments, type EnvironmentSources } from './config/environments';
import type { EnvironmentSettings } from './config/environment-settings';
import { enableNag } from './nag';
import { PlatformStack, platformStackName } from './platform/platform-stack';
import { ObservabilityStack, observabilityStackName } from './observability/observability-stack';
import { addServiceStacks } from './services/service-stacks';

export interface PulseAppOptions extends EnvironmentSources {
  readonly appProps?: AppProps;
  /** Lambda code per function; defaults to the `nx build` output under dist/apps. */
  readonly code?: FunctionCodeSource;
  /** Build the service stacks too (default true); platform-only apps synthesise faster in tests. */
  readonly services?: boolean;
}

export interface PulseEnvironmentStacks {
  readonly settings: EnvironmentSettings;
  readonly platform: PlatformStack;
  readonly services: ReadonlyMap<ServiceName, Stack>;
  /** The dashboard and pipeline-wide alarms; absent when the app builds no service stacks. */
  readonly observability?: ObservabilityStack;
}

export interface PulseApp {
  readonly app: App;
  readonly environments: readonly PulseEnvironmentStacks[];
}

/**
 * The whole CDK app: per selected environment, the platform stack, the service stacks and the
 * observability stack (dashboard Pulse-<env>, pipeline-wide alarms),
 * with cdk-nag on every synthesis.
 */
export function buildPulseApp(options: PulseAppOptions = {}): PulseApp {
  const app = new App(options.appProps);
  enableNag(app);
  const context = options.context ?? contextOf(app);
  const code = options.code ?? buildOutputCode(WORKSPACE_ROOT);
  const environments = selectedEnvironments({ context, processEnv: options.processEnv ?? process.env }).map((settings) => {
    const platform = new PlatformStack(app, platformStackName(settings.name), { settings });
    const services = options.services === false ? new Map<ServiceName, Stack>() : addServiceStacks(app, settings, platform, code);
    if (services.size === 0) return { settings, platform, services };
    const observability = new ObservabilityStack(app, observabilityStackName(settings.name), { settings, platform, services });
    return { settings, platform, services, observability };
  });
  return { app, environments };
}

function contextOf(app: App): Record<string, unknown> {
  const keys = ['env', 'account', 'region', 'domainName', 'certificateArn', 'alertsWebhookUrl'];
  return Object.fromEntries(keys.map((k) => [k, app.node.tryGetContext(k) as unknown]).filter(([, v]) => v !== undefined));
}
