import type { InvokeOptions, InvokeResult } from '@pulse/function-runner';

/** How a channel reaches a function: `FunctionRunner.invoke` fits as it is. */
export type InvokeFunction = (functionName: string, event: unknown, options: InvokeOptions) => Promise<InvokeResult>;

/**
 * Where a channel's on-failure records go (the declared `onFailureQueue`): the runtime sends them
 * to its local SQS. Attributes are plain strings (empty values left out), as the local bus's are.
 */
export type SendDeadLetter = (queueName: string, body: string, attributes: Readonly<Record<string, string>>) => Promise<void> | void;

/** One line of operator-facing text; the runtime decides where it goes. */
export type ChannelLog = (line: string) => void;

/** Lambda's account and region as the local runtime presents them in ARNs. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';

export function errorText(error: unknown): { errorType: string; errorMessage: string } {
  if (error instanceof Error) return { errorType: error.name, errorMessage: error.message };
  return { errorType: 'Error', errorMessage: String(error) };
}
