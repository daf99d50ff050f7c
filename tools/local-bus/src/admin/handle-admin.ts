import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BusContext } from '../api/bus-context';
import { sendAdminJson } from './admin-response';
import { serveRedeliver } from './redeliver';
import type { TailHub } from './tail-hub';
import { serveTail } from './tail-stream';

/** Pulse's own endpoints live under this prefix, beside the AWS API (which only uses POST /). */
export const ADMIN_PREFIX = '/_pulse/';

export function isAdminRequest(req: IncomingMessage): boolean {
  return (req.url ?? '').startsWith(ADMIN_PREFIX);
}

/** Routes GET /_pulse/tail and POST /_pulse/redeliver. */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, ctx: BusContext, hub: TailHub): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local-bus');
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  if (route === `GET ${ADMIN_PREFIX}tail`) return serveTail(req, res, url, hub);
  if (route === `POST ${ADMIN_PREFIX}redeliver`) return serveRedeliver(req, res, ctx);
  sendAdminJson(res, 404, { error: 'NotFound', message: `No admin endpoint ${route}. Try GET ${ADMIN_PREFIX}tail or POST ${ADMIN_PREFIX}redeliver.` });
}
