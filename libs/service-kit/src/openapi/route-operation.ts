import type { TSchema } from '@sinclair/typebox';
import { parseRoutePath } from '../declaration/route-path';
import type { RouteDeclaration } from '../declaration/service-declaration';
import type { JsonSchema, OpenApiOperation, OpenApiParameter, OpenApiResponse } from './openapi-types';

export const ERROR_BODY_REF = { $ref: '#/components/schemas/ErrorBody' };
const SECURITY = { apiKey: [{ apiKey: [] }], jwt: [{ jwt: [] }], none: [] };

/** TypeBox schemas are JSON Schema plus symbol keys; a JSON round trip leaves the JSON Schema. */
export function plainSchema(schema: TSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}

export function routeOperation(service: string, route: RouteDeclaration): OpenApiOperation {
  return {
    operationId: route.operationId ?? operationIdFor(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [service],
    security: SECURITY[route.auth],
    parameters: [...pathParameters(route), ...queryParameters(route)],
    ...(route.requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: plainSchema(route.requestBody) } } } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, response]) => [status, responseFor(Number(status), response)]),
    ),
  };
}

/** 'PUT /v1/devices/{deviceId}' → 'putV1DevicesDeviceId': unique because routes are. */
export function operationIdFor(route: Pick<RouteDeclaration, 'method' | 'path'>): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return route.method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function pathParameters(route: RouteDeclaration): OpenApiParameter[] {
  const parsed = parseRoutePath(route.path);
  const names = parsed.ok ? parsed.parameters : [];
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: route.pathParameters?.[name] ? plainSchema(route.pathParameters[name]) : { type: 'string' },
  }));
}

function queryParameters(route: RouteDeclaration): OpenApiParameter[] {
  if (!route.query) return [];
  const required = new Set(route.query.required ?? []);
  return Object.entries(route.query.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(schema.description ? { description: schema.description as string } : {}),
    schema: plainSchema(schema),
  }));
}

function responseFor(status: number, response: { description: string; body?: TSchema }): OpenApiResponse {
  const schema = response.body ? plainSchema(response.body) : status >= 400 ? ERROR_BODY_REF : undefined;
  const headers =
    status === 429 ? { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } } : undefined;
  return {
    description: response.description,
    ...(headers ? { headers } : {}),
    ...(schema ? { content: { 'application/json': { schema } } } : {}),
  };
}
