import type { ApiKeyAuthorizerContext, ApiKeyRequestEvent, FleetRole } from '@pulse/service-kit';
import { errorResponse, type HttpResult } from '@pulse/service-kit';

/**
 * The fleet and role the authorizer vouched for. API Gateway answers 401 before the route
 * runs; a handler reached without a context (misconfigured route) still refuses.
 */
export function callerOf(event: ApiKeyRequestEvent): ApiKeyAuthorizerContext | undefined {
  const context = event.requestContext?.authorizer?.lambda;
  if (!context || typeof context.fleetId !== 'string' || (context.role !== 'ingest' && context.role !== 'admin')) return undefined;
  return context;
}

export function unauthorized(): HttpResult {
  return errorResponse(401, 'Unauthorized', 'a valid x-api-key header is required');
}

export function roleForbidden(role: FleetRole): HttpResult {
  return errorResponse(403, 'Forbidden', `this route needs an admin key; the key presented has role '${role}'`);
}
