import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** The log key carrying the correlation id, spelled as in event metadata. */
export const CORRELATION_ID_KEY = 'correlationId';

/**
 * The correlation id an invocation continues: an event's `detail.metadata.correlationId`,
 * else an HTTP `x-correlation-id` header, else the API Gateway request id, else the
 * Lambda request id. Handler cores call it too, to stamp the events they publish.
 */
export function correlationIdOf(event: unknown, context: Pick<Context, 'awsRequestId'>): string {
  return fromEventBridge(event) ?? fromHeaders(event) ?? fromRequestContext(event) ?? context.awsRequestId;
}

/** Adds the key to every log line until the logger's keys are reset (wrapHandler resets per invocation). */
export function setCorrelationId(logger: Pick<Logger, 'appendKeys'>, correlationId: string): void {
  logger.appendKeys({ [CORRELATION_ID_KEY]: correlationId });
}

function fromEventBridge(event: unknown): string | undefined {
  const detail = field(event, 'detail');
  return text(field(field(detail, 'metadata'), 'correlationId'));
}

function fromHeaders(event: unknown): string | undefined {
  const headers = field(event, 'headers');
  if (typeof headers !== 'object' || headers === null) return undefined;
  const match = Object.entries(headers).find(([name]) => name.toLowerCase() === CORRELATION_ID_HEADER);
  return text(match?.[1]);
}

function fromRequestContext(event: unknown): string | undefined {
  return text(field(field(event, 'requestContext'), 'requestId'));
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
