import type { ServerResponse } from 'node:http';

/** Admin endpoints answer plain JSON (they are Pulse's own API, not AWS's). */
export function sendAdminJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
