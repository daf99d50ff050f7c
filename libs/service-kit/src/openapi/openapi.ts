import { validateServices } from '../declaration/validate-services';
import type { ServiceDeclaration } from '../declaration/service-declaration';
import { API_KEY_HEADER } from '../declaration/authorizer-contract';
import { ErrorBodySchema } from './body-schemas';
import type { OpenApiDocument } from './openapi-types';
import { plainSchema, routeOperation } from './route-operation';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly servers?: readonly { url: string; description?: string }[];
}

/**
 * The OpenAPI 3.1 document for every route of the given services, generated from the same
 * TypeBox schemas the handlers validate with. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12, so TypeBox output goes in as is.
 */
export function buildOpenApi(services: readonly ServiceDeclaration[], info: OpenApiInfo): OpenApiDocument {
  validateServices(services);
  const paths: OpenApiDocument['paths'] = {};
  const routes = services.flatMap((s) => (s.routes ?? []).map((route) => ({ service: s.name, route })));
  routes.sort((a, b) => a.route.path.localeCompare(b.route.path) || a.route.method.localeCompare(b.route.method));
  for (const { service, route } of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: routeOperation(service, route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    ...(info.servers ? { servers: info.servers.map((s) => ({ ...s })) } : {}),
    tags: services.filter((s) => s.routes?.length).map((s) => ({ name: s.name, ...(s.description ? { description: s.description } : {}) })),
    paths,
    components: {
      schemas: { ErrorBody: plainSchema(ErrorBodySchema) },
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: API_KEY_HEADER },
        jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}
