import type { App, Stack, StackProps } from 'aws-cdk-lib';
import type { FunctionCodeSource, PlatformRefs, ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import type { ServiceName } from '@pulse/service-kit';
import type { Construct } from 'constructs';
// Each service's stack lives with the service (apps/<svc>/infra, owned by its team), behind
// its own alias: @pulse/<svc> exports only the declaration, so the local runtime never loads CDK.
import { AlertStack } from '@pulse/alert/infra';
import { EnrichStack } from '@pulse/enrich/infra';
import { IngestStack } from '@pulse/ingest/infra';
import { PersistStack } from '@pulse/persist/infra';
import { TransformStack } from '@pulse/transform/infra';
import type { EnvironmentSettings } from '../config/environment-settings';
import { serviceEnvironmentConfig } from '../config/service-environment';
import type { PlatformStack } from '../platform/platform-stack';

interface ServiceStackProps extends StackProps {
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}
type ServiceStackClass = new (scope: Construct, id: string, props: ServiceStackProps) => Stack;

/** In pipeline order, so `cdk ls` reads like the data flow. */
export const SERVICE_STACKS: ReadonlyArray<readonly [ServiceName, ServiceStackClass]> = [
  ['ingest', IngestStack],
  ['transform', TransformStack],
  ['enrich', EnrichStack],
  ['persist', PersistStack],
  ['alert', AlertStack],
];

export function serviceStackName(env: EnvironmentSettings['name'], service: ServiceName): string {
  return `Pulse-${env}-${service.charAt(0).toUpperCase()}${service.slice(1)}`;
}

/**
 * One stack per service (Pulse-<env>-<Service>), each built by PulseService from the service's
 * declaration. A service stack reads only the platform's refs, so it deploys on its own.
 */
export function addServiceStacks(
  app: App,
  settings: EnvironmentSettings,
  platform: PlatformStack,
  code: FunctionCodeSource,
): Map<ServiceName, Stack> {
  const stacks = new Map<ServiceName, Stack>();
  for (const [service, StackClass] of SERVICE_STACKS) {
    const stack = new StackClass(app, serviceStackName(settings.name, service), {
      env: { account: settings.account, region: settings.region },
      description: `Pulse ${settings.name}: the ${service} service`,
      platform: platform.refs,
      config: serviceEnvironmentConfig(settings, service),
      code,
    });
    stack.addStackDependency(platform, 'reads the bus, key, HTTP API, authorizer and alarms topic');
    stacks.set(service, stack);
  }
  return stacks;
}
