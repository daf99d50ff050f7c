import { API_KEY_HEADER, header, systemClock, wrapHandler, lazy } from '@pulse/service-kit';
import type { ApiKeyAuthorizerEvent, ApiKeyAuthorizerResult, Clock, HandlerCore } from '@pulse/service-kit';
import { authorizeKey, type ApiKeyLookup } from '../domain/authorize-key';
import type { LogPort } from '../wiring/log-port';
import { powertools } from '../wiring/powertools';
import { fleetsTable } from '../wiring/production';

export interface AuthorizeApiKeyDeps {
  readonly keys: ApiKeyLookup;
  readonly clock: Clock;
  readonly logger: LogPort;
}

/**
 * The HTTP API Lambda authorizer (payload 2.0, simple response). Keys are looked up by
 * SHA-256 and only their id (a hash prefix) is ever logged. A table failure throws: API
 * Gateway then answers 500, not a 401 that would tell a sensor its key is wrong.
 */
export function makeAuthorizeApiKey(deps: AuthorizeApiKeyDeps): HandlerCore<ApiKeyAuthorizerEvent, ApiKeyAuthorizerResult> {
  return async function authorizeApiKeyCore(event) {
    const decision = await authorizeKey(header(event, API_KEY_HEADER), deps.keys, deps.clock.now());
    if (!decision.ok) {
      deps.logger.info('api key refused', { reason: decision.reason, keyId: decision.keyId });
      return { isAuthorized: false };
    }
    return { isAuthorized: true, context: { fleetId: decision.fleetId, role: decision.role } };
  };
}

const core = lazy(() => makeAuthorizeApiKey({ keys: fleetsTable(), clock: systemClock, logger: powertools.logger }));

export const handler = wrapHandler<ApiKeyAuthorizerEvent, ApiKeyAuthorizerResult>((event, context) => core()(event, context), powertools);
