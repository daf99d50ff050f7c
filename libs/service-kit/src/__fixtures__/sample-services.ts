import { Type } from '@sinclair/typebox';
import { defineService } from '../declaration/define-service';
import { patternFor } from '../declaration/event-pattern';
import { ListBodySchema } from '../openapi/body-schemas';
import { DeviceRegistered, ReadingsNormalized, ReadingsReceived } from './fixture-contracts';

// Declarations shaped like the real services', used across the kit's specs.

export const ingest = defineService({
  name: 'ingest',
  functions: [
    { name: 'receive-readings', handler: 'src/handlers/receive-readings.ts', memoryMb: 512, timeoutSeconds: 10, environment: { bus: true, tables: [{ table: 'Fleets', access: 'read' }] } },
    { name: 'authorize-api-key', handler: 'src/handlers/authorize-api-key.ts', memoryMb: 256, timeoutSeconds: 3 },
    { name: 'register-device', handler: 'src/handlers/register-device.ts', memoryMb: 256, timeoutSeconds: 10 },
  ],
  routes: [
    {
      method: 'POST',
      path: '/v1/readings',
      auth: 'apiKey',
      function: 'receive-readings',
      summary: 'Submit a batch of readings',
      requestBody: Type.Object({ readings: Type.Array(Type.Object({ deviceId: Type.String() }), { minItems: 1 }) }),
      responses: {
        202: { description: 'Accepted', body: Type.Object({ readingIds: Type.Array(Type.String()) }) },
        400: { description: 'Invalid readings' },
        429: { description: 'Throttled' },
      },
    },
    {
      method: 'PUT',
      path: '/v1/devices/{deviceId}',
      auth: 'apiKey',
      function: 'register-device',
      summary: 'Register or update a device',
      pathParameters: { deviceId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) },
      requestBody: Type.Object({ zone: Type.String() }),
      responses: { 200: { description: 'Registered', body: Type.Object({ deviceId: Type.String() }) }, 404: { description: 'Unknown fleet' } },
    },
  ],
  authorizer: { function: 'authorize-api-key', resultTtlSeconds: 300 },
  tables: [
    {
      name: 'Fleets',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      globalIndexes: [{ name: 'byKeyHash', partitionKey: { name: 'keyHash', type: 'S' } }],
      billing: 'onDemand',
    },
  ],
  emits: [ReadingsReceived, DeviceRegistered],
});

export const persist = defineService({
  name: 'persist',
  functions: [
    { name: 'store-readings', handler: 'src/handlers/store-readings.ts', memoryMb: 512, timeoutSeconds: 30 },
    { name: 'list-readings', handler: 'src/handlers/list-readings.ts', memoryMb: 256, timeoutSeconds: 10 },
  ],
  subscriptions: [
    {
      rule: 'persist-readings-normalized',
      pattern: patternFor(ReadingsNormalized),
      consumes: [ReadingsNormalized],
      target: { kind: 'function', function: 'store-readings' },
      retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeSeconds: 3600 },
      deadLetterQueue: 'persist-readings-dlq',
    },
  ],
  routes: [
    {
      method: 'GET',
      path: '/v1/devices/{deviceId}/readings',
      auth: 'jwt',
      function: 'list-readings',
      summary: 'Readings of one device, newest first',
      query: Type.Object({
        cursor: Type.Optional(Type.String({ description: 'Opaque cursor from nextCursor' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      }),
      responses: {
        200: { description: 'A page of readings', body: ListBodySchema(Type.Object({ readingId: Type.String(), pm25: Type.Number() })) },
        400: { description: 'Invalid query' },
      },
    },
  ],
  tables: [
    { name: 'Readings', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'ts', type: 'N' }, timeToLiveAttribute: 'expiresAt', billing: 'onDemand' },
  ],
});
