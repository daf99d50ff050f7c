import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeadLetterQueues } from '../dlq/dead-letter-queues';
import type { HealthSnapshot, TraceResult } from '../shared/messages';
import type { BrowserStream } from './browser-stream';
import type { Assets } from './front-end-bundle';
import { sendError, sendJson } from './http-json';
import type { ReadApi } from './read-api';

export interface RouteContext {
  readonly assets: Assets;
  readonly readApi: ReadApi;
  readonly stream: BrowserStream;
  readonly dlq: DeadLetterQueues;
  readonly trace: (readingId: string) => TraceResult;
  readonly latestHealth: () => HealthSnapshot | undefined;
  readonly session: { readonly fleet: string | null };
}

/** Caps on what one page load pulls from the read API. */
const MAX_ZONES = 5_000;
const MAX_ALERTS = 500;
const MAX_ZONE_READINGS = 20_000;
const MAX_DEVICE_READINGS = 1_000;

const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `param` is the route's one path parameter (decoded), '' for routes without one. */
type Handler = (ctx: RouteContext, req: IncomingMessage, res: ServerResponse, param: string, query: URLSearchParams) => Promise<void> | void;

const routes: ReadonlyArray<readonly [method: string, pattern: RegExp, handler: Handler]> = [
  ['GET', /^\/events$/, (ctx, req, res) => {
    const health = ctx.latestHealth();
    ctx.stream.open(req, res, health ? { event: 'health', data: health } : undefined);
  }],
  ['GET', /^\/api\/session$/, (ctx, _req, res) => sendJson(res, 200, ctx.session)],
  ['GET', /^\/api\/health$/, (ctx, _req, res) => sendJson(res, 200, ctx.latestHealth() ?? null)],
  ['GET', /^\/api\/zones$/, (ctx, _req, res) => proxy(ctx, res, '/v1/zones', {}, MAX_ZONES)],
  ['GET', /^\/api\/alerts$/, (ctx, _req, res, _p, query) => proxy(ctx, res, '/v1/alerts', pick(query, ['status', 'zoneId']), MAX_ALERTS)],
  ['GET', /^\/api\/zones\/([^/]+)\/readings$/, (ctx, _req, res, zoneId, query) =>
    proxy(ctx, res, `/v1/zones/${encodeURIComponent(zoneId)}/readings`, pick(query, ['since', 'until']), MAX_ZONE_READINGS)],
  ['GET', /^\/api\/devices\/([^/]+)\/readings$/, (ctx, _req, res, deviceId, query) =>
    proxy(ctx, res, `/v1/devices/${encodeURIComponent(deviceId)}/readings`, pick(query, ['from', 'to']), MAX_DEVICE_READINGS)],
  ['GET', /^\/api\/trace\/([^/]+)$/, (ctx, _req, res, readingId) => sendJson(res, 200, ctx.trace(readingId))],
  ['GET', /^\/api\/dlq\/([^/]+)\/messages$/, async (ctx, _req, res, queue, query) => {
    const messages = await ctx.dlq.peek(queue, boundedCount(query.get('max'), 10));
    if (messages === undefined) return sendError(res, 404, 'NotFound', `no dead-letter queue ${queue}`);
    sendJson(res, 200, { items: messages, nextCursor: null });
  }],
  ['POST', /^\/api\/dlq\/([^/]+)\/redrive$/, async (ctx, _req, res, queue, query) => {
    const result = await ctx.dlq.redrive(queue, boundedCount(query.get('max'), 100));
    if (result === undefined) return sendError(res, 404, 'NotFound', `no dead-letter queue ${queue}`);
    sendJson(res, 200, result);
  }],
];

/** Serves the page, its assets, the live stream and the JSON API of the page. */
export async function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://dashboard');
  const asset = req.method === 'GET' ? ctx.assets.get(url.pathname === '/index.html' ? '/' : url.pathname) : undefined;
  if (asset) {
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': asset.body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(url.pathname === '/' || url.pathname === '/index.html' ? { 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'no-referrer' } : {}),
    });
    return void res.end(asset.body);
  }
  for (const [method, pattern, handler] of routes) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    if (req.method !== method) return sendError(res, 405, 'MethodNotAllowed', `${url.pathname} takes ${method}`);
    return handler(ctx, req, res, decodeURIComponent(match[1] ?? ''), url.searchParams);
  }
  sendError(res, 404, 'NotFound', `nothing at ${url.pathname}`);
}

async function proxy(ctx: RouteContext, res: ServerResponse, path: string, query: Record<string, string>, maxItems: number): Promise<void> {
  try {
    const answer = await ctx.readApi.list(path, query, maxItems);
    sendJson(res, answer.status, answer.body);
  } catch (error) {
    sendError(res, 502, 'BadGateway', `the read API did not answer: ${(error as Error).message}`);
  }
}

function pick(query: URLSearchParams, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => {
    const value = query.get(name);
    return value ? [[name, value]] : [];
  }));
}

function boundedCount(text: string | null, fallback: number): number {
  const value = Number(text ?? fallback);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 1_000) : fallback;
}
