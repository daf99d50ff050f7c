import * as path from 'node:path';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { functionBundlePath, type ServiceDeclaration, type ServiceName } from '@pulse/service-kit';
import type { ServiceEnvironmentConfig } from './environment-config';
import type { PlatformRefs } from './platform-refs';

/**
 * Where a function's code comes from. Injected so tests synthesise without a prior build
 * (inline code), while the CDK app deploys the `nx build` output.
 */
export type FunctionCodeSource = (service: ServiceName, fn: string) => Code;

export interface PulseServiceProps {
  readonly declaration: ServiceDeclaration;
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}

/** The deployed code: the bundles `nx build <service>` wrote under `<workspaceRoot>/dist/apps/…`. */
export function buildOutputCode(workspaceRoot: string): FunctionCodeSource {
  return (service, fn) => Code.fromAsset(path.join(workspaceRoot, path.dirname(functionBundlePath(service, fn))));
}
