import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './aws-error';
import type { BusContext } from './bus-context';
import { accessKeyIdOf } from './identity';
import { OPERATIONS, TARGET_PREFIX } from './operations';
import { parseInput, readBody, sendError, sendJson } from './wire';

export type Logger = (message: string) => void;

/** One AWS JSON 1.1 request: route by X-Amz-Target, run the operation, answer in AWS's shapes. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: BusContext, log: Logger): Promise<void> {
  try {
    const body = await readBody(req);
    const target = header(req, 'x-amz-target') ?? '';
    const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
    if (req.method !== 'POST' || operation === undefined) {
      throw new AwsError('UnknownOperationException', `The Pulse local bus does not support ${target || 'this request'}.`);
    }
    const result = await operation(parseInput(body), ctx, { accessKeyId: accessKeyIdOf(header(req, 'authorization')) });
    sendJson(res, 200, result ?? {});
  } catch (error) {
    if (error instanceof AwsError) return sendError(res, error);
    log(`internal error: ${(error as Error).stack ?? String(error)}`);
    sendError(res, new AwsError('InternalException', (error as Error).message, 500));
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
