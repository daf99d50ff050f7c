import path from 'node:path';
import { BUS_NAME_ENV, functionBundlePath, tableNameEnv, type FunctionDeclaration, type ServiceDeclaration } from '@pulse/service-kit';

/** Where the local stand-ins listen, and the physical names of the declared tables. */
export interface LocalEndpoints {
  readonly region: string;
  readonly busName: string;
  readonly eventbridge: string;
  readonly dynamodb: string;
  readonly s3?: string;
  /** Logical table name → physical name. */
  readonly tables: Readonly<Record<string, string>>;
}

/** A function of a service with its bundle, as the bench runs it. */
export interface BenchFunction {
  readonly service: ServiceDeclaration;
  readonly declaration: FunctionDeclaration;
  readonly name: string;
  readonly bundlePath: string;
  readonly memoryMb: number;
}

export function benchFunctions(services: readonly ServiceDeclaration[], root: string): BenchFunction[] {
  return services.flatMap((service) =>
    service.functions.map((declaration) => ({
      service,
      declaration,
      name: declaration.name,
      bundlePath: path.resolve(root, functionBundlePath(service, declaration)),
      memoryMb: declaration.memoryMb,
    })),
  );
}

/**
 * The environment a function runs with: the Lambda runtime's variables, its declared
 * variables, then what the local runtime wires (bus name, table names, the service's own
 * access key so the bus accepts its source, endpoint overrides) — as
 * tools/local-bus/src/cli/functions-runner.ts builds it — then `overrides`. Nothing else
 * leaks in from the bench's shell but PATH.
 */
export function functionEnvironment(fn: BenchFunction, endpoints: LocalEndpoints, overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  const service = fn.service.name;
  const tables = Object.fromEntries((fn.service.tables ?? []).map((t) => [tableNameEnv(t.name), endpoints.tables[t.name] ?? t.name]));
  return {
    ...(process.env['PATH'] ? { PATH: process.env['PATH'] } : {}),
    AWS_REGION: endpoints.region,
    AWS_DEFAULT_REGION: endpoints.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `bench/[$LATEST]${fn.name}`,
    LAMBDA_TASK_ROOT: path.dirname(fn.bundlePath),
    _HANDLER: 'index.handler',
    POWERTOOLS_TRACE_ENABLED: 'false',
    // The deployed runtime is newer than this machine's Node 20: its support notice is not a log line there.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...fn.declaration.environment?.variables,
    [BUS_NAME_ENV]: endpoints.busName,
    AWS_ACCESS_KEY_ID: `pulse-${service}`,
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    ...(endpoints.s3 ? { AWS_ENDPOINT_URL_S3: endpoints.s3 } : {}),
    ...tables,
    ...overrides,
  };
}
