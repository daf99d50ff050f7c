import type { InvokeOptions, InvokeResult } from '@pulse/function-runner';
import type { BusEvent } from '../model';

/** The part of `@pulse/function-runner`'s FunctionRunner the bus needs; tests pass a fake. */
export interface FunctionInvoker {
  invoke(functionNameOrArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
}

/**
 * The runner answers a function's failure with `{ ok: false }`; delivery wants a rejection
 * whose name is the Lambda error type (so TooManyRequestsException reads as THROTTLING,
 * ResourceNotFoundException as NO_RESOURCE) and whose message is the function's.
 */
export async function invokeAsync(runner: FunctionInvoker, functionName: string, event: BusEvent): Promise<void> {
  const outcome = await runner.invoke(functionName, event, { mode: 'async' });
  if (outcome.ok) return;
  const error = new Error(outcome.errorMessage);
  error.name = outcome.errorType;
  // Lambda's own timeout is a target timeout to EventBridge's DLQ vocabulary.
  if (outcome.errorType === 'Sandbox.Timedout') Object.assign(error, { code: 'TIMEOUT' });
  throw error;
}

/** Without a runner every function target fails (retriably), so it still ends in its DLQ with a reason. */
export function noRunnerError(functionName: string): Error {
  const error = new Error(`No function runner: ${functionName} cannot run. Start the bus with --with-functions (or pass a runner).`);
  error.name = 'FunctionRunnerMissing';
  return error;
}
