import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ValidationIssue } from '../contract-types';

/** The conventions' bodies (ARCHITECTURE.md, HTTP bodies). */
export interface ErrorBody {
  error: { code: string; message: string };
  /** Present only when fields are at fault. */
  errors?: ValidationIssue[];
}

export interface ListBody<T> {
  items: T[];
  nextCursor: string | null;
}

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

const JSON_TYPE = { 'content-type': 'application/json' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** A response without a body, e.g. 204 after a delete. */
export function noContent(headers: Record<string, string> = {}): HttpResult {
  return { statusCode: 204, headers };
}

export function errorResponse(
  statusCode: number,
  code: string,
  message: string,
  errors?: readonly ValidationIssue[],
  headers: Record<string, string> = {},
): HttpResult {
  const body: ErrorBody = { error: { code, message }, ...(errors?.length ? { errors: [...errors] } : {}) };
  return json(statusCode, body, headers);
}

export function badRequest(issues: readonly ValidationIssue[], message = 'The request is invalid'): HttpResult {
  return errorResponse(400, 'ValidationError', message, issues);
}

export function notFound(message = 'Not found'): HttpResult {
  return errorResponse(404, 'NotFound', message);
}

export function forbidden(message = 'Forbidden'): HttpResult {
  return errorResponse(403, 'Forbidden', message);
}

export function tooManyRequests(retryAfterSeconds: number, message = 'Too many requests'): HttpResult {
  return errorResponse(429, 'TooManyRequests', message, undefined, {
    'retry-after': String(Math.max(0, Math.ceil(retryAfterSeconds))),
  });
}

export function listResponse<T>(items: readonly T[], nextCursor: string | null | undefined): HttpResult {
  const body: ListBody<T> = { items: [...items], nextCursor: nextCursor ?? null };
  return json(200, body);
}
