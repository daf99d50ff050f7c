import { tableNameEnv, type TableDeclaration } from '@pulse/service-kit';

/** The zone index carries only what "a zone's readings of the last hour" shows. */
export const BY_ZONE_INDEX = 'byZone';
export const BY_ZONE_INCLUDE = ['aqi', 'measurements', 'quality'] as const;

/**
 * Readings: pk `<fleetId>#<deviceId>`, sk `ts` (one device's readings in a time range,
 * newest first: Query with ScanIndexForward=false). GSI byZone: pk `zoneKey` =
 * `<fleetId>#<zoneId>`, sk `ts` (a zone's readings since a time), sparse: readings with no
 * zone have no zoneKey and cost no index write. TTL on `expiresAt` (epoch seconds).
 */
export const READINGS_TABLE: TableDeclaration = {
  name: 'Readings',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'ts', type: 'N' },
  globalIndexes: [
    {
      name: BY_ZONE_INDEX,
      partitionKey: { name: 'zoneKey', type: 'S' },
      sortKey: { name: 'ts', type: 'N' },
      projection: { include: BY_ZONE_INCLUDE },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  billing: 'onDemand',
};

/** ZoneStatus: pk `fleetId`, sk `zoneId` (every zone of a fleet: one Query). */
export const ZONE_STATUS_TABLE: TableDeclaration = {
  name: 'ZoneStatus',
  partitionKey: { name: 'fleetId', type: 'S' },
  sortKey: { name: 'zoneId', type: 'S' },
  billing: 'onDemand',
};

/** The env variables the tables' physical names arrive in (PULSE_TABLE_READINGS, PULSE_TABLE_ZONE_STATUS). */
export const READINGS_TABLE_ENV = tableNameEnv(READINGS_TABLE.name);
export const ZONE_STATUS_TABLE_ENV = tableNameEnv(ZONE_STATUS_TABLE.name);
