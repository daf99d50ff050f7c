import { defineService, ListBodySchema } from '@pulse/service-kit';
import { DEFAULT_RETENTION_DAYS, RETENTION_DAYS_ENV } from './commons/retention-config';
import {
  DeviceIdParameter,
  DeviceReadingsQuerySchema,
  StoredReadingSchema,
  ZoneIdParameter,
  ZoneReadingsQuerySchema,
  ZonesQuerySchema,
  ZoneStatusSchema,
} from './http/api-schemas';
import { emits, subscriptions } from './subscription';
import { READINGS_TABLE, ZONE_STATUS_TABLE } from './tables';

const retention = { [RETENTION_DAYS_ENV]: String(DEFAULT_RETENTION_DAYS) };

export const service = defineService({
  name: 'persist',
  description: 'Stores enriched readings and the latest status of each zone; serves them to operators.',
  functions: [
    {
      name: 'store-readings',
      handler: 'src/handlers/store-readings.ts',
      description: 'ReadingsEnriched → Readings + ZoneStatus → ReadingsStored',
      memoryMb: 512,
      timeoutSeconds: 30,
      environment: {
        bus: true,
        tables: [
          { table: 'Readings', access: 'readWrite' },
          { table: 'ZoneStatus', access: 'readWrite' },
        ],
        variables: retention,
      },
    },
    {
      name: 'get-device-readings',
      handler: 'src/handlers/get-device-readings.ts',
      memoryMb: 256,
      timeoutSeconds: 10,
      environment: { tables: [{ table: 'Readings', access: 'read' }], variables: retention },
    },
    {
      name: 'get-zone-readings',
      handler: 'src/handlers/get-zone-readings.ts',
      memoryMb: 256,
      timeoutSeconds: 10,
      environment: { tables: [{ table: 'Readings', access: 'read' }], variables: retention },
    },
    {
      name: 'list-zones',
      handler: 'src/handlers/list-zones.ts',
      memoryMb: 256,
      timeoutSeconds: 10,
      environment: { tables: [{ table: 'ZoneStatus', access: 'read' }] },
    },
  ],
  subscriptions,
  routes: [
    {
      method: 'GET',
      path: '/v1/devices/{deviceId}/readings',
      auth: 'jwt',
      function: 'get-device-readings',
      summary: "One device's readings in a time range, newest first",
      pathParameters: { deviceId: DeviceIdParameter },
      query: DeviceReadingsQuerySchema,
      responses: {
        200: { description: 'A page of readings', body: ListBodySchema(StoredReadingSchema) },
        400: { description: 'A parameter is invalid (named in errors[].path)' },
        403: { description: 'The token carries no fleet claim' },
        404: { description: 'The fleet has no readings of this device within retention' },
      },
    },
    {
      method: 'GET',
      path: '/v1/zones',
      auth: 'jwt',
      function: 'list-zones',
      summary: 'Latest air-quality status of each zone of the caller’s fleet',
      query: ZonesQuerySchema,
      responses: {
        200: { description: 'A page of zone statuses, by zone id', body: ListBodySchema(ZoneStatusSchema) },
        400: { description: 'A parameter is invalid (named in errors[].path)' },
        403: { description: 'The token carries no fleet claim' },
      },
    },
    {
      method: 'GET',
      path: '/v1/zones/{zoneId}/readings',
      auth: 'jwt',
      function: 'get-zone-readings',
      summary: "One zone's readings in a time range (default: the last hour), newest first",
      pathParameters: { zoneId: ZoneIdParameter },
      query: ZoneReadingsQuerySchema,
      responses: {
        200: { description: 'A page of readings', body: ListBodySchema(StoredReadingSchema) },
        400: { description: 'A parameter is invalid (named in errors[].path)' },
        403: { description: 'The token carries no fleet claim' },
        404: { description: 'The fleet has no readings in this zone within retention' },
      },
    },
  ],
  tables: [READINGS_TABLE, ZONE_STATUS_TABLE],
  emits,
});

