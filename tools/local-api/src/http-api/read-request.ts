import type { IncomingMessage } from 'node:http';
import type { IncomingRequest } from './incoming-request';

/** API Gateway's request payload limit. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type ReadOutcome = { readonly ok: true; readonly request: IncomingRequest } | { readonly ok: false; readonly reason: 'tooLarge' };

/** Reads the whole body (bounded) and normalises headers the way payload 2.0 presents them. */
export async function readRequest(message: IncomingMessage): Promise<ReadOutcome> {
  const declared = Number(message.headers['content-length'] ?? 0);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = declared > MAX_PAYLOAD_BYTES;
  // Keep draining past the limit so the client gets our 413 rather than a reset socket.
  for await (const chunk of message as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PAYLOAD_BYTES) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) return { ok: false, reason: 'tooLarge' };
  const url = message.url ?? '/';
  const queryAt = url.indexOf('?');
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    // Payload 2.0 moves cookies out of the headers into their own array.
    if (name === 'cookie') cookies = String(value).split(';').map((c) => c.trim()).filter(Boolean);
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    ok: true,
    request: {
      method: (message.method ?? 'GET').toUpperCase(),
      rawPath: queryAt === -1 ? url : url.slice(0, queryAt),
      rawQueryString: queryAt === -1 ? '' : url.slice(queryAt + 1),
      headers,
      cookies,
      body: Buffer.concat(chunks),
      sourceIp: message.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      protocol: `HTTP/${message.httpVersion}`,
    },
  };
}
