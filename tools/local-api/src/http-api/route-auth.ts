import { API_KEY_HEADER } from '@pulse/service-kit';
import type { LocalIssuer } from '../issuer/local-issuer';
import type { AuthorizerCache, AuthorizerDecision } from './authorizer-cache';
import { gatewayError, type HttpReply } from './http-reply';
import type { IncomingRequest } from './incoming-request';
import type { InvokeFunction } from './invoke-port';
import type { RouteMatch } from './route-table';
import { buildAuthorizerEvent, type EventContext, type V2RequestContext } from './v2-event';

export type AuthOutcome =
  | { readonly ok: true; readonly authorizer?: V2RequestContext['authorizer'] }
  | { readonly ok: false; readonly reply: HttpReply };

export interface AuthDependencies {
  readonly invoke: InvokeFunction;
  readonly issuer: Pick<LocalIssuer, 'verify'>;
  readonly cache: AuthorizerCache;
  readonly functionName: (service: string, fn: string) => string;
  readonly log: (line: string) => void;
}

/** Runs the route's authorizer as API Gateway would, before the route's function sees anything. */
export async function authorizeRoute(request: IncomingRequest, match: RouteMatch, context: EventContext, deps: AuthDependencies): Promise<AuthOutcome> {
  switch (match.route.auth) {
    case 'none':
      return { ok: true };
    case 'jwt':
      return authorizeJwt(request, deps);
    case 'apiKey':
      return authorizeApiKey(request, match, context, deps);
  }
}

function authorizeJwt(request: IncomingRequest, deps: AuthDependencies): AuthOutcome {
  const header = request.headers['authorization'];
  if (!header) return { ok: false, reply: gatewayError.unauthorized() };
  // HTTP API JWT authorizers accept the token with or without the Bearer prefix.
  const token = header.replace(/^Bearer\s+/i, '').trim();
  const verified = deps.issuer.verify(token);
  if (!verified.ok) {
    deps.log(`jwt refused: ${verified.reason}`);
    return { ok: false, reply: gatewayError.unauthorized() };
  }
  // API Gateway hands claims to the function as strings, numbers included.
  const claims = Object.fromEntries(Object.entries(verified.claims).map(([name, value]) => [name, String(value)]));
  return { ok: true, authorizer: { jwt: { claims, scopes: null } } };
}

async function authorizeApiKey(request: IncomingRequest, match: RouteMatch, context: EventContext, deps: AuthDependencies): Promise<AuthOutcome> {
  const declared = match.service.authorizer;
  if (!declared) {
    deps.log(`route ${match.routeKey} of ${match.service.name} uses apiKey auth but declares no authorizer`);
    return { ok: false, reply: gatewayError.internal() };
  }
  const key = request.headers[API_KEY_HEADER];
  // A missing identity source never reaches the authorizer: API Gateway answers 401 itself.
  if (!key) return { ok: false, reply: gatewayError.unauthorized() };
  const cacheKey = `${match.service.name}\u0000${key}`;
  let decision = deps.cache.get(cacheKey);
  if (!decision) {
    const outcome = await deps
      .invoke(deps.functionName(match.service.name, declared.function), buildAuthorizerEvent(request, match, context, [key]), { mode: 'sync' })
      .catch((error: unknown) => ({ ok: false as const, errorType: 'InvokeError', errorMessage: String(error) }));
    if (!outcome.ok) {
      deps.log(`authorizer ${declared.function} failed: ${outcome.errorType}: ${outcome.errorMessage}`);
      return { ok: false, reply: gatewayError.internal() };
    }
    decision = simpleResponse(outcome.result);
    if (!decision) {
      deps.log(`authorizer ${declared.function} returned no simple response`);
      return { ok: false, reply: gatewayError.internal() };
    }
    deps.cache.set(cacheKey, decision, declared.resultTtlSeconds);
  }
  if (!decision.isAuthorized) return { ok: false, reply: gatewayError.forbidden() };
  return { ok: true, authorizer: { lambda: decision.context ?? {} } };
}

function simpleResponse(result: unknown): AuthorizerDecision | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const { isAuthorized, context } = result as { isAuthorized?: unknown; context?: unknown };
  if (typeof isAuthorized !== 'boolean') return undefined;
  const ctx = typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : undefined;
  return ctx ? { isAuthorized, context: ctx } : { isAuthorized };
}
