import { existsSync } from 'node:fs';
import { createFunctionRunner, functionsFromDeclarations, type FunctionRunner } from '@pulse/function-runner';
import { BUS_NAME_ENV, tableNameEnv, type ServiceDeclaration } from '@pulse/service-kit';
import type { FunctionInvoker } from '../wiring/function-invoker';

export interface FunctionsSetup {
  readonly services: readonly ServiceDeclaration[];
  /** Workspace root, where dist/apps/<service>/<fn>/index.js are. */
  readonly root: string;
  readonly region: string;
  readonly busName: string;
  /** Where the functions' DynamoDB calls go (dynalite); unset = the SDK's default. */
  readonly dynamodbEndpoint?: string;
  readonly log: (line: string) => void;
}

/**
 * The function runner for the built bundles that exist. It needs the bus endpoint (functions
 * publish to it), known only once the bus listens; so the invoker handed to the bus waits
 * for `attach`, and deliveries recovered at start simply wait a moment.
 */
export function deferredFunctionRunner(setup: FunctionsSetup): { invoker: FunctionInvoker; attach(busEndpoint: string): FunctionRunner } {
  let attached!: (runner: FunctionRunner) => void;
  const ready = new Promise<FunctionRunner>((resolve) => (attached = resolve));
  return {
    invoker: { invoke: async (name, event, options) => (await ready).invoke(name, event, options) },
    attach(busEndpoint) {
      const all = functionsFromDeclarations(setup.services, (service) => environmentFor(setup, service, busEndpoint), { root: setup.root });
      const built = all.filter((fn) => existsSync(fn.bundlePath));
      const missing = all.filter((fn) => !built.includes(fn)).map((fn) => fn.name);
      // An unbuilt function is unknown to the runner: its deliveries fail as NO_RESOURCE into their DLQ.
      if (missing.length > 0) setup.log(`functions not built (run nx build <service>), their events go to their DLQs: ${missing.join(', ')}`);
      const runner = createFunctionRunner({ functions: built, region: setup.region });
      attached(runner);
      return runner;
    },
  };
}

/** What each function needs to reach the local bus as its own service (the bus maps the key to it). */
function environmentFor(setup: FunctionsSetup, service: string, busEndpoint: string): Record<string, string> {
  const declaration = setup.services.find((s) => s.name === service);
  const tables = Object.fromEntries((declaration?.tables ?? []).map((t) => [tableNameEnv(t.name), t.name]));
  return {
    [BUS_NAME_ENV]: setup.busName,
    AWS_REGION: setup.region,
    AWS_ACCESS_KEY_ID: `pulse-${service}`,
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_EVENTBRIDGE: busEndpoint,
    ...(setup.dynamodbEndpoint ? { AWS_ENDPOINT_URL_DYNAMODB: setup.dynamodbEndpoint } : {}),
    ...tables,
  };
}
