import { defineService } from '@pulse/service-kit';
import { CACHE_MAX_ENTRIES_ENV, CACHE_NEGATIVE_TTL_SECONDS_ENV, CACHE_TTL_SECONDS_ENV, DEFAULT_CACHE_CONFIG } from './config';
import { emits, subscriptions } from './subscription';
import { DEVICE_PROJECTION_TABLE } from './tables';

/**
 * enrich: device zone/location, calibration and US EPA AQI for every normalized reading,
 * from its own projection of the device events.
 */
export const service = defineService({
  name: 'enrich',
  description: 'Enriches normalized readings with device zone, location, calibration and the US EPA AQI.',
  functions: [
    {
      name: 'enrich-readings',
      handler: 'src/handlers/enrich-readings.ts',
      description: 'ReadingsNormalized → ReadingsEnriched (one event per batch).',
      // CPU scales with memory: 512 MB keeps a 200-reading batch (validate, enrich, validate,
      // publish) well inside the 500 ms end-to-end budget.
      memoryMb: 512,
      timeoutSeconds: 30,
      environment: {
        bus: true,
        tables: [{ table: DEVICE_PROJECTION_TABLE, access: 'read' }],
        variables: {
          [CACHE_TTL_SECONDS_ENV]: String(DEFAULT_CACHE_CONFIG.ttlSeconds),
          [CACHE_NEGATIVE_TTL_SECONDS_ENV]: String(DEFAULT_CACHE_CONFIG.negativeTtlSeconds),
          [CACHE_MAX_ENTRIES_ENV]: String(DEFAULT_CACHE_CONFIG.maxEntries),
        },
      },
    },
    {
      name: 'project-devices',
      handler: 'src/handlers/project-devices.ts',
      description: 'DeviceRegistered / DeviceRetired → DeviceProjection (revision-guarded).',
      memoryMb: 256,
      timeoutSeconds: 10,
      environment: { tables: [{ table: DEVICE_PROJECTION_TABLE, access: 'readWrite' }] },
    },
  ],
  subscriptions,
  tables: [
    {
      // pk fleetId / sk deviceId: a batch is one fleet's, so its devices are one BatchGetItem of
      // exact keys, and a fleet's devices can be listed with one Query (e.g. to warm a cache).
      name: DEVICE_PROJECTION_TABLE,
      partitionKey: { name: 'fleetId', type: 'S' },
      sortKey: { name: 'deviceId', type: 'S' },
      billing: 'onDemand',
    },
  ],
  emits,
});
