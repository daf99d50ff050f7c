import { jsonReply, type HttpReply } from './http-reply';

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, unknown>;
  body?: unknown;
  isBase64Encoded?: boolean;
  cookies?: unknown[];
}

function isStructured(result: unknown): result is StructuredResult {
  return typeof result === 'object' && result !== null && typeof (result as { statusCode?: unknown }).statusCode === 'number';
}

/**
 * Payload 2.0 response mapping: a result with a statusCode is a structured response; anything
 * else is taken as a JSON body with status 200, as API Gateway infers it.
 */
export function replyFromResult(result: unknown): HttpReply {
  if (!isStructured(result)) return jsonReply(200, result ?? null);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies.map(String);
  const text = typeof result.body === 'string' ? result.body : result.body === undefined ? '' : JSON.stringify(result.body);
  const body = result.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text);
  if (body.length > 0 && !headers['content-type']) headers['content-type'] = 'application/json';
  return { statusCode: result.statusCode, headers, body };
}
