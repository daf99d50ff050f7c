import type { APIGatewayProxyEventV2WithLambdaAuthorizer } from 'aws-lambda';
import type { HttpMethod } from '../declaration/service-declaration';
import { fillRoutePath } from '../declaration/route-path';
import template from './fixtures/http-api-v2-event.json';

export interface HttpApiEventOptions<TAuthorizer> {
  readonly method: HttpMethod;
  /** A concrete path or a route template ('/v1/devices/{deviceId}', filled from pathParameters). */
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  readonly body?: unknown;
  readonly base64?: boolean;
  readonly pathParameters?: Record<string, string>;
  readonly queryStringParameters?: Record<string, string>;
  /** What the Lambda authorizer returned as `context` (ApiKeyAuthorizerContext for API-key routes). */
  readonly authorizerContext?: TAuthorizer;
  /** JWT claims, for routes behind the operators' JWT authorizer. */
  readonly jwtClaims?: Record<string, string | number | boolean | string[]>;
}

/** An API Gateway HTTP API payload v2.0 request, as the deployed API and the local API emit it. */
export function httpApiEvent<TAuthorizer = never>(
  options: HttpApiEventOptions<TAuthorizer>,
): APIGatewayProxyEventV2WithLambdaAuthorizer<TAuthorizer> {
  const rawPath = fillRoutePath(options.path, options.pathParameters ?? {});
  const routeKey = `${options.method} ${options.path}`;
  const query = options.queryStringParameters;
  const text = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...template.headers };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  if (text !== undefined && typeof options.body !== 'string') headers['content-type'] ??= 'application/json';
  const authorizer = {
    ...(options.authorizerContext !== undefined ? { lambda: options.authorizerContext } : {}),
    ...(options.jwtClaims ? { jwt: { claims: options.jwtClaims, scopes: null } } : {}),
  };
  const event = {
    ...template,
    routeKey,
    rawPath,
    rawQueryString: query ? new URLSearchParams(query).toString() : '',
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      ...template.requestContext,
      routeKey,
      http: { ...template.requestContext.http, method: options.method, path: rawPath },
      ...(Object.keys(authorizer).length ? { authorizer } : {}),
    },
    ...(text !== undefined ? { body: options.base64 ? Buffer.from(text).toString('base64') : text } : {}),
    isBase64Encoded: options.base64 ?? false,
  };
  return event as unknown as APIGatewayProxyEventV2WithLambdaAuthorizer<TAuthorizer>;
}
