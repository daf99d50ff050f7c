import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildOpenApi, type ServiceDeclaration } from '@pulse/service-kit';
import type { LocalIssuer } from '../issuer/local-issuer';
import { createAuthorizerCache } from './authorizer-cache';
import { replyFromResult } from './function-result';
import { gatewayError, jsonReply, type HttpReply } from './http-reply';
import type { ApiIdentity, IncomingRequest } from './incoming-request';
import type { InvokeFunction } from './invoke-port';
import { readRequest } from './read-request';
import { authorizeRoute } from './route-auth';
import { createRouteTable } from './route-table';
import { createTokenBucket, type ThrottleSettings } from './token-bucket';
import { buildV2Event, type EventContext } from './v2-event';

export interface HttpApiOptions {
  /** 0 or omitted = a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly services: readonly ServiceDeclaration[];
  readonly invoke: InvokeFunction;
  /** Verifies operators' tokens; its JWKS, when it has one, is served at /.well-known/jwks.json. */
  readonly issuer: Pick<LocalIssuer, 'verify'> & Partial<Pick<LocalIssuer, 'jwks'>>;
  readonly throttle?: ThrottleSettings;
  /** Served at /openapi.json; built from the declarations when omitted. */
  readonly openApi?: object;
  /** Until it answers true, /health is 503 (the runtime is still starting). */
  readonly ready?: () => boolean;
  /** The runner's name for a declared function; defaults to the bare function name. */
  readonly functionName?: (service: string, fn: string) => string;
  /** Epoch ms; drives requestContext time, throttling and the authorizer cache. */
  readonly clock?: () => number;
  readonly log?: (line: string) => void;
  readonly identity?: Partial<ApiIdentity>;
}

export interface HttpApi {
  /** 'http://127.0.0.1:<port>' */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const JWKS_PATH = '/.well-known/jwks.json';

const DEFAULT_IDENTITY: ApiIdentity = { accountId: '000000000000', apiId: 'pulselocal', region: 'us-east-1', domainName: 'pulselocal.execute-api.localhost' };

/** A local API Gateway HTTP API: the declarations' routes, their authorizers, v2 payloads. */
export async function startHttpApi(options: HttpApiOptions): Promise<HttpApi> {
  const now = options.clock ?? Date.now;
  const log = options.log ?? (() => undefined);
  const identity: ApiIdentity = { ...DEFAULT_IDENTITY, ...options.identity };
  const routes = createRouteTable(options.services);
  const bucket = options.throttle ? createTokenBucket(options.throttle, now) : undefined;
  const authDeps = {
    invoke: options.invoke,
    issuer: options.issuer,
    cache: createAuthorizerCache(now),
    functionName: options.functionName ?? ((_service: string, fn: string) => fn),
    log,
  };
  let openApi = options.openApi;
  const openApiDocument = () => (openApi ??= buildOpenApi(options.services, { title: 'Pulse API (local)', version: '1.0.0' }));

  async function handle(request: IncomingRequest): Promise<HttpReply> {
    if (request.method === 'GET' && request.rawPath === '/health') {
      const ready = options.ready?.() ?? true;
      return ready ? jsonReply(200, { status: 'ok' }) : jsonReply(503, { status: 'starting' });
    }
    if (request.method === 'GET' && request.rawPath === '/openapi.json') return jsonReply(200, openApiDocument());
    // Where a client (or a real JWT library in a test) finds the keys, as on a Cognito pool.
    if (request.method === 'GET' && request.rawPath === JWKS_PATH && options.issuer.jwks) return jsonReply(200, options.issuer.jwks());
    const match = routes.match(request.method, request.rawPath);
    if (!match) return gatewayError.notFound();
    if (bucket && !bucket.take()) return gatewayError.tooManyRequests();
    const context: EventContext = { identity, requestId: randomUUID(), now: now() };
    const auth = await authorizeRoute(request, match, context, authDeps);
    if (!auth.ok) return auth.reply;
    const event = buildV2Event(request, match, context);
    if (auth.authorizer) event.requestContext.authorizer = auth.authorizer;
    const outcome = await options
      .invoke(authDeps.functionName(match.service.name, match.route.function), event, { mode: 'sync' })
      .catch((error: unknown) => ({ ok: false as const, errorType: (error as Error).name ?? 'InvokeError', errorMessage: String(error) }));
    if (!outcome.ok) {
      log(`${match.routeKey} → ${match.route.function} failed: ${outcome.errorType}: ${outcome.errorMessage}`);
      // Lambda refuses an event over its 6 MB payload limit; API Gateway answers 413 for it.
      return outcome.errorType === 'RequestEntityTooLargeException' ? gatewayError.tooLarge() : gatewayError.internal();
    }
    return replyFromResult(outcome.result);
  }

  async function serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: HttpReply;
    try {
      const read = await readRequest(message);
      reply = read.ok ? await handle(read.request) : gatewayError.tooLarge();
    } catch (error) {
      log(`request failed: ${String(error)}`);
      reply = gatewayError.internal();
    }
    response.writeHead(reply.statusCode, { ...reply.headers, 'apigw-requestid': randomUUID(), 'content-length': String(reply.body.length) });
    response.end(reply.body);
  }

  const server = createServer((message, response) => void serve(message, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
