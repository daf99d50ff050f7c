import { DeviceRegisteredV1DataSchema, DeviceIdSchema } from '@pulse/schemas';
import { defineService } from '@pulse/service-kit';
import { FLEETS_TABLE, BY_FLEET_INDEX, PURGE_AT_ATTRIBUTE } from './adapters/fleets-table-items';
import { RATE_LIMITS_PURGE_AT, RATE_LIMITS_TABLE } from './adapters/rate-limits-table';
import { INGEST_DEFAULTS, INGEST_ENV } from './config';
import { DeviceRegistrationSchema } from './domain/device-registration';
import { AcceptedBodySchema, ReadingsRequestSchema, UnavailableBodySchema } from './http/route-schemas';
import { buckets, emits, eventSources, streams, subscriptions } from './subscription';

const fleets = (access: 'read' | 'readWrite') => [{ table: FLEETS_TABLE, access }];
const deviceParameters = { deviceId: DeviceIdSchema };

export const service = defineService({
  name: 'ingest',
  description: "Pulse's front door: readings over HTTP, Kinesis and S3; fleets, API keys and devices.",
  functions: [
    {
      name: 'receive-readings',
      handler: 'src/handlers/receive-readings.ts',
      memoryMb: 1024,
      timeoutSeconds: 15,
      description: 'POST /v1/readings',
      environment: {
        bus: true,
        // Fleets read-only (ownership); RateLimits is the only table it writes: each fleet's shared bucket.
        tables: [...fleets('read'), { table: RATE_LIMITS_TABLE, access: 'readWrite' }],
        variables: {
          [INGEST_ENV.fleetRate]: String(INGEST_DEFAULTS.fleetRate),
          [INGEST_ENV.fleetBurst]: String(INGEST_DEFAULTS.fleetBurst),
          [INGEST_ENV.ownershipTtl]: String(INGEST_DEFAULTS.ownershipTtlSeconds),
          [INGEST_ENV.retryAfter]: String(INGEST_DEFAULTS.retryAfterSeconds),
        },
      },
    },
    { name: 'authorize-api-key', handler: 'src/handlers/authorize-api-key.ts', memoryMb: 256, timeoutSeconds: 3, description: 'API-key authorizer', environment: { tables: fleets('read') } },
    { name: 'register-device', handler: 'src/handlers/register-device.ts', memoryMb: 256, timeoutSeconds: 10, description: 'PUT /v1/devices/{deviceId}', environment: { bus: true, tables: fleets('readWrite') } },
    { name: 'retire-device', handler: 'src/handlers/retire-device.ts', memoryMb: 256, timeoutSeconds: 10, description: 'DELETE /v1/devices/{deviceId}', environment: { bus: true, tables: fleets('readWrite') } },
    { name: 'receive-kinesis-readings', handler: 'src/handlers/receive-kinesis-readings.ts', memoryMb: 512, timeoutSeconds: 60, description: 'Readings from the Kinesis stream', environment: { bus: true, tables: fleets('read') } },
    { name: 'receive-s3-readings', handler: 'src/handlers/receive-s3-readings.ts', memoryMb: 1024, timeoutSeconds: 900, description: 'NDJSON/CSV drops under incoming/<fleetId>/', environment: { bus: true, tables: fleets('read') } },
  ],
  subscriptions,
  streams,
  buckets,
  eventSources,
  routes: [
    {
      method: 'POST',
      path: '/v1/readings',
      auth: 'apiKey',
      function: 'receive-readings',
      summary: 'Submit readings (one, { readings: [...] }, or NDJSON)',
      description: 'application/json or application/x-ndjson; at most 1 MB and 1,000 readings. Keys of role ingest or admin.',
      requestBody: ReadingsRequestSchema,
      responses: {
        202: { description: 'At least one reading accepted by the bus; the others listed in rejected', body: AcceptedBodySchema },
        400: { description: 'Malformed body, or no reading valid' },
        401: { description: 'Missing or unknown API key' },
        403: { description: "No reading's device is owned by the key's fleet" },
        413: { description: 'Over 1 MB or 1,000 readings' },
        415: { description: 'Content type other than JSON or NDJSON' },
        429: { description: "Over the fleet's request rate (see Retry-After)" },
        503: { description: 'The bus did not accept every reading (see Retry-After); nothing acknowledged', body: UnavailableBodySchema },
      },
    },
    {
      method: 'PUT',
      path: '/v1/devices/{deviceId}',
      auth: 'apiKey',
      function: 'register-device',
      summary: 'Register or update a device (admin keys)',
      pathParameters: deviceParameters,
      requestBody: DeviceRegistrationSchema,
      responses: {
        200: { description: 'Updated; the new registration', body: DeviceRegisteredV1DataSchema },
        201: { description: 'Registered; the new registration', body: DeviceRegisteredV1DataSchema },
        400: { description: 'Invalid registration' },
        401: { description: 'Missing or unknown API key' },
        403: { description: 'Not an admin key' },
        409: { description: 'Owned by another fleet, or not at the given revision' },
        503: { description: 'Saved but DeviceRegistered not published; send again' },
      },
    },
    {
      method: 'DELETE',
      path: '/v1/devices/{deviceId}',
      auth: 'apiKey',
      function: 'retire-device',
      summary: 'Retire a device (admin keys)',
      pathParameters: deviceParameters,
      responses: {
        204: { description: 'Retired (also when it already was)' },
        400: { description: 'Invalid device id' },
        401: { description: 'Missing or unknown API key' },
        403: { description: 'Not an admin key' },
        404: { description: "No such device in the key's fleet" },
        409: { description: 'Changed concurrently; retry' },
        503: { description: 'Retired but DeviceRetired not published; send again' },
      },
    },
  ],
  authorizer: { function: 'authorize-api-key', resultTtlSeconds: 300 },
  tables: [
    {
      name: FLEETS_TABLE,
      partitionKey: { name: 'pk', type: 'S' },
      globalIndexes: [
        { name: BY_FLEET_INDEX, partitionKey: { name: 'byFleetPk', type: 'S' }, sortKey: { name: 'byFleetSk', type: 'S' }, projection: 'ALL' },
      ],
      timeToLiveAttribute: PURGE_AT_ATTRIBUTE,
      billing: 'onDemand',
    },
    // One item per fleet: the bucket every receive-readings container shares (adapters/rate-limits-table.ts).
    { name: RATE_LIMITS_TABLE, partitionKey: { name: 'pk', type: 'S' }, timeToLiveAttribute: RATE_LIMITS_PURGE_AT, billing: 'onDemand' },
  ],
  emits,
});
