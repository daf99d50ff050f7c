import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalIssuer } from '@pulse/local-api';
import { zoneStatuses, type City } from './city-data';

/**
 * THE ONE FAKE of the fixture pipeline: a stand-in for Pulse's read routes (persist's
 * GET /v1/zones, /v1/zones/{zoneId}/readings, /v1/devices/{deviceId}/readings; alert's
 * GET /v1/alerts) answering their exact bodies from an in-memory city. The token is checked
 * by the real local issuer, and only its custom:fleet's data is served. Pages are cut at
 * PAGE_CAP items whatever `limit` asks (as DynamoDB's 1 MB pages may), so clients must
 * follow nextCursor.
 */
export const PAGE_CAP = 40;
const HOUR_MS = 3_600_000;

export interface ReadApiStandIn {
  readonly url: string;
  /** Replaces what the routes answer (the "pipeline" moved on). */
  update(city: City): void;
  close(): Promise<void>;
}

export async function startReadApiStandIn(options: { issuer: LocalIssuer; fleet: string; city: City }): Promise<ReadApiStandIn> {
  let city = options.city;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const verdict = options.issuer.verify((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    // API Gateway's JWT authorizer answers 401 with this body.
    if (!verdict.ok) return send(res, 401, { message: 'Unauthorized' });
    if (verdict.claims['custom:fleet'] !== options.fleet) return page(res, url, []);
    const q = (name: string) => url.searchParams.get(name) ?? undefined;
    let match: RegExpExecArray | null;
    if (url.pathname === '/v1/zones') return page(res, url, zoneStatuses(city.readings));
    if (url.pathname === '/v1/alerts') {
      const alerts = city.alerts
        .filter((a) => (q('status') ? a.status === q('status') : true) && (q('zoneId') ? a.zoneId === q('zoneId') : true))
        .sort((a, b) => b.raisedAt - a.raisedAt);
      return page(res, url, alerts);
    }
    if ((match = /^\/v1\/zones\/([^/]+)\/readings$/.exec(url.pathname))) {
      // As persist: the last hour by default, and 404 for a zone the fleet never reported from.
      const now = Date.now();
      const since = q('since') ? timeParameter(q('since')!) : now - HOUR_MS;
      const until = q('until') ? timeParameter(q('until')!) : now;
      const zoneId = decodeURIComponent(match[1]!);
      const own = city.readings.filter((r) => r.zoneId === zoneId);
      if (own.length === 0) return send(res, 404, { error: { code: 'NotFound', message: `zone ${zoneId} has no readings` } });
      return page(res, url, newestFirst(own.filter((r) => r.ts >= since && r.ts <= until)));
    }
    if ((match = /^\/v1\/devices\/([^/]+)\/readings$/.exec(url.pathname))) {
      const deviceId = decodeURIComponent(match[1]!);
      const from = q('from') ? timeParameter(q('from')!) : 0;
      const to = q('to') ? timeParameter(q('to')!) : Number.MAX_SAFE_INTEGER;
      const own = city.readings.filter((r) => r.deviceId === deviceId);
      if (own.length === 0) return send(res, 404, { error: { code: 'NotFound', message: `device ${deviceId} has no readings` } });
      return page(res, url, newestFirst(own.filter((r) => r.ts >= from && r.ts <= to)));
    }
    send(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    update: (next) => void (city = next),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function newestFirst<T extends { ts: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.ts - a.ts);
}

/** Epoch milliseconds or an RFC 3339 date-time, as persist's query parameters accept. */
function timeParameter(text: string): number {
  return /^[0-9]+$/.test(text) ? Number(text) : Date.parse(text);
}

function page(res: ServerResponse, url: URL, all: readonly unknown[]): void {
  const limit = Math.min(PAGE_CAP, Number(url.searchParams.get('limit') ?? 100));
  const cursor = url.searchParams.get('cursor');
  const offset = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: number }).o : 0;
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url') : null;
  send(res, 200, { items, nextCursor: next });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
