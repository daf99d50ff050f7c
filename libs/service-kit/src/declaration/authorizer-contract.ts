import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayRequestAuthorizerEventV2,
} from 'aws-lambda';

/**
 * The API-key authorizer contract (ARCHITECTURE.md, Auth): an HTTP API Lambda authorizer,
 * payload format 2.0, answering with a *simple response*. API Gateway passes `context`
 * to the route's function as `requestContext.authorizer.lambda`.
 */
export type FleetRole = 'ingest' | 'admin';

export interface ApiKeyAuthorizerContext {
  fleetId: string;
  role: FleetRole;
}

export type ApiKeyAuthorizerEvent = APIGatewayRequestAuthorizerEventV2;

export type ApiKeyAuthorizerResult =
  | { isAuthorized: true; context: ApiKeyAuthorizerContext }
  | { isAuthorized: false };

export type ApiKeyAuthorizerHandler = (event: ApiKeyAuthorizerEvent) => Promise<ApiKeyAuthorizerResult>;

/** What a route behind the API-key authorizer receives. */
export type ApiKeyRequestEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<ApiKeyAuthorizerContext>;

/** What a route behind the operators' JWT authorizer receives (claims include `custom:fleet`). */
export type JwtRequestEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

/** The header sensors put their key in, and the authorizer's identity source. */
export const API_KEY_HEADER = 'x-api-key';
export const API_KEY_IDENTITY_SOURCE = `$request.header.${API_KEY_HEADER}`;
export const JWT_FLEET_CLAIM = 'custom:fleet';
