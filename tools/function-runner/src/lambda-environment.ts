import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FunctionSpec } from './function-spec';

export interface RuntimeSettings {
  readonly region: string;
  readonly accountId: string;
}

export function functionArn(spec: Pick<FunctionSpec, 'name'>, settings: RuntimeSettings): string {
  return `arn:aws:lambda:${settings.region}:${settings.accountId}:function:${spec.name}`;
}

export function logGroupName(spec: Pick<FunctionSpec, 'name'>): string {
  return `/aws/lambda/${spec.name}`;
}

/** Lambda's stream name format: one stream per execution environment. */
export function newLogStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/**
 * The variables a Lambda execution environment starts with, then the function's own. Nothing
 * leaks in from the developer's shell but PATH, so each function sees only what was wired for
 * it (credentials and endpoints included), as in AWS.
 */
export function lambdaEnvironment(spec: FunctionSpec, settings: RuntimeSettings, logStreamName: string): Record<string, string> {
  return {
    ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(spec),
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    LAMBDA_TASK_ROOT: path.dirname(spec.bundlePath),
    _HANDLER: `${path.basename(spec.bundlePath, path.extname(spec.bundlePath))}.${spec.handlerExport}`,
    // There is no X-Ray daemon locally; a function may still turn tracing on explicitly.
    POWERTOOLS_TRACE_ENABLED: 'false',
    ...spec.environment,
  };
}
