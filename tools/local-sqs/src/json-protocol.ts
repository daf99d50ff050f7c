import type { Input } from './input-reader';
import type { OperationContext } from './operation';
import { operations } from './operations';
import { SqsError, unknownOperation } from './sqs-error';

export interface ProtocolResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AmazonSQS.';

/** AWS JSON 1.0, as the current SDK speaks it (`X-Amz-Target: AmazonSQS.<Operation>`). */
export async function handleJsonRequest(target: string, body: string, context: OperationContext): Promise<ProtocolResponse> {
  try {
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const operation = operations[name];
    if (!operation) throw unknownOperation(name);
    const output = await operation(parseBody(body), context);
    return { status: 200, headers: { 'content-type': CONTENT_TYPE }, body: JSON.stringify(output) };
  } catch (error) {
    return jsonError(error instanceof SqsError ? error : internalError(error));
  }
}

/**
 * SQS is awsQueryCompatible: `__type` names the modelled shape and `x-amzn-query-error`
 * carries the legacy Query code, from which the SDK picks the exception class.
 */
export function jsonError(error: SqsError): ProtocolResponse {
  return {
    status: error.status,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-query-error': `${error.code};${error.fault}` },
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${error.shape}`, message: error.message }),
  };
}

export function internalError(error: unknown): SqsError {
  const message = error instanceof Error ? error.message : String(error);
  return new SqsError('InternalError', `We encountered an internal error. Please try again. (${message})`, 'InternalError', 500, 'Receiver');
}

function parseBody(body: string): Input {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SqsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SqsError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as Input;
}
