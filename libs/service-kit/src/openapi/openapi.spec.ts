import Ajv2020 from 'ajv/dist/2020';
import { ingest, persist } from '../__fixtures__/sample-services';
import { buildOpenApi } from './openapi';
import type { JsonSchema, OpenApiDocument } from './openapi-types';

function schemasOf(doc: OpenApiDocument): { where: string; schema: JsonSchema }[] {
  const found: { where: string; schema: JsonSchema }[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (op.requestBody) found.push({ where: `${at} request`, schema: op.requestBody.content['application/json']!.schema });
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content?.['application/json']?.schema;
        if (schema) found.push({ where: `${at} ${status}`, schema });
      }
      for (const p of op.parameters) found.push({ where: `${at} ${p.in} ${p.name}`, schema: p.schema });
    }
  }
  return found;
}

describe('buildOpenApi', () => {
  const doc = buildOpenApi([ingest, persist], { title: 'Pulse API', version: '1.0.0', servers: [{ url: 'http://127.0.0.1:3000' }] });

  it('writes an OpenAPI 3.1 document with every route, tagged by service', () => {
    // Assess
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'Pulse API', version: '1.0.0' });
    expect(doc.servers).toEqual([{ url: 'http://127.0.0.1:3000' }]);
    expect(Object.keys(doc.paths)).toEqual(['/v1/devices/{deviceId}', '/v1/devices/{deviceId}/readings', '/v1/readings']);
    expect(doc.paths['/v1/readings']!.post).toMatchObject({ operationId: 'postV1Readings', tags: ['ingest'], summary: 'Submit a batch of readings' });
    expect(doc.tags.map((t) => t.name)).toEqual(['ingest', 'persist']);
  });

  it('derives path parameters from the template and query parameters from the query schema', () => {
    // Act
    const put = doc.paths['/v1/devices/{deviceId}']!.put!;
    const list = doc.paths['/v1/devices/{deviceId}/readings']!.get!;

    // Assess
    expect(put.parameters).toEqual([{ name: 'deviceId', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } }]);
    expect(list.parameters).toEqual([
      { name: 'deviceId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'cursor', in: 'query', required: false, description: 'Opaque cursor from nextCursor', schema: { type: 'string', description: 'Opaque cursor from nextCursor' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
    ]);
  });

  it('documents the error body for 4xx, Retry-After for 429, and the security of each route', () => {
    // Act
    const post = doc.paths['/v1/readings']!.post!;
    const list = doc.paths['/v1/devices/{deviceId}/readings']!.get!;

    // Assess
    expect(post.responses['400']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(post.responses['429']!.headers).toHaveProperty('Retry-After');
    expect(post.security).toEqual([{ apiKey: [] }]);
    expect(list.security).toEqual([{ jwt: [] }]);
    expect(doc.components.securitySchemes).toEqual({
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
  });

  it('emits schemas that compile as JSON Schema 2020-12 and validate like the TypeBox originals', () => {
    // Prepare
    const ajv = new Ajv2020({ strict: false });
    const resolve = (schema: JsonSchema) => (schema.$ref ? doc.components.schemas[String(schema.$ref).split('/').pop()!]! : schema);

    // Act
    const compiled = schemasOf(doc).map(({ where, schema }) => ({ where, validate: ajv.compile(resolve(schema)) }));
    const request = compiled.find((c) => c.where === 'POST /v1/readings request')!.validate;
    const error = compiled.find((c) => c.where === 'POST /v1/readings 400')!.validate;

    // Assess
    expect(compiled.length).toBeGreaterThanOrEqual(10);
    expect(request({ readings: [{ deviceId: 'd1' }] })).toBe(true);
    expect(request({ readings: [] })).toBe(false);
    expect(error({ error: { code: 'ValidationError', message: 'm' }, errors: [{ path: 'p', rule: 'r', message: 'm' }] })).toBe(true);
    expect(error({ message: 'Unauthorized' })).toBe(false);
    expect(JSON.stringify(doc)).not.toContain('TypeBox');
  });

  it('refuses services that declare the same route twice', () => {
    // Act / Assess
    expect(() => buildOpenApi([ingest, { ...ingest, name: 'alert', authorizer: undefined, emits: [] }], { title: 't', version: '1' })).toThrow(
      "route 'POST /v1/readings' is declared by more than one service",
    );
  });
});
