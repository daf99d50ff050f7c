import {
  HttpAuthorizer,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { RouteAuth } from '@pulse/service-kit';
import { ApiKeyAuthorizer } from './api-key-authorizer';
import { pascal } from './physical-names';
import type { ServiceFunction } from './service-functions';
import type { ServiceScope } from './service-scope';

/** The header API keys travel in; the authorizer's cache is keyed on it. */
export const API_KEY_HEADER = 'x-api-key';

/**
 * The service's routes on the platform's HTTP API. Routes are created in the service's own
 * scope (not through `httpApi.addRoutes`, which would put them, and a dependency on this
 * stack's functions, into the platform stack).
 */
export function createRoutes(ctx: ServiceScope, functions: ReadonlyMap<string, ServiceFunction>): HttpRoute[] {
  const routes = ctx.declaration.routes ?? [];
  if (routes.length === 0) return [];
  const authorizers = routeAuthorizers(ctx, functions);
  return routes.map((route) => {
    const fn = functions.get(route.function);
    if (!fn) throw new Error(`Route ${route.method} ${route.path} targets undeclared function ${route.function}`);
    const id = `Route${pascal(route.method.toLowerCase())}${pascal(route.path.replace(/[{}]/g, ''))}`;
    return new HttpRoute(ctx.scope, id, {
      httpApi: ctx.platform.httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${id}Integration`, fn.invocable),
      authorizer: authorizers(route.auth),
    });
  });
}

function routeAuthorizers(ctx: ServiceScope, functions: ReadonlyMap<string, ServiceFunction>): (auth: RouteAuth) => IHttpRouteAuthorizer {
  const declared = ctx.declaration.authorizer;
  const authorizerFn = declared ? functions.get(declared.function) : undefined;
  // One authorizer per service, bound once and shared by its routes.
  const apiKey = authorizerFn
    ? new ApiKeyAuthorizer(ctx.scope, 'ApiKeyAuthorizer', {
        httpApi: ctx.platform.httpApi,
        handler: authorizerFn.invocable,
        authorizerName: `pulse-${ctx.config.envName}-${ctx.declaration.name}-api-key`,
        header: API_KEY_HEADER,
        resultTtlSeconds: declared?.resultTtlSeconds ?? 0,
      })
    : undefined;
  const jwt = HttpAuthorizer.fromHttpAuthorizerAttributes(ctx.scope, 'JwtAuthorizer', {
    authorizerId: ctx.platform.jwtAuthorizer.authorizerId,
    authorizerType: 'JWT',
  });
  return (auth) => {
    switch (auth) {
      case 'apiKey':
        if (!apiKey) throw new Error(`${ctx.declaration.name} has apiKey routes but declares no authorizer`);
        return apiKey;
      case 'jwt':
        return jwt;
      case 'none':
        return new HttpNoneAuthorizer();
    }
  };
}
