import path from 'node:path';
import { functionBundlePath, type ServiceDeclaration } from '@pulse/service-kit';
import type { FunctionSpec } from './function-spec';

export interface FromDeclarationsOptions {
  /** Where dist/ lives; the workspace root. Defaults to the current directory. */
  readonly root?: string;
}

/**
 * Every function of the given services, as the runner needs it. Function names are the declared
 * names (what a subscription's target names), so they must be unique across services. The
 * declared plain `variables` come first; `envFor` (tables, bus, endpoints, credentials) wins.
 */
export function functionsFromDeclarations(
  services: readonly ServiceDeclaration[],
  envFor: (service: string, fn: string) => Record<string, string>,
  options: FromDeclarationsOptions = {},
): FunctionSpec[] {
  const root = options.root ?? process.cwd();
  const owners = new Map<string, string>();
  return services.flatMap((service) =>
    service.functions.map((fn) => {
      const owner = owners.get(fn.name);
      if (owner) throw new Error(`function ${fn.name} is declared by both ${owner} and ${service.name}`);
      owners.set(fn.name, service.name);
      return {
        name: fn.name,
        service: service.name,
        bundlePath: path.resolve(root, functionBundlePath(service, fn)),
        handlerExport: 'handler',
        timeoutSeconds: fn.timeoutSeconds,
        memoryMb: fn.memoryMb,
        ...(fn.reservedConcurrency !== undefined ? { reservedConcurrency: fn.reservedConcurrency } : {}),
        environment: { ...fn.environment?.variables, ...envFor(service.name, fn.name) },
      };
    }),
  );
}
