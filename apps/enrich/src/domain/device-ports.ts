import type { DeviceRecord } from './device';

/** Reads the projection: the devices found among `deviceIds` of one fleet (absent = unknown). */
export interface DeviceStore {
  getDevices(fleetId: string, deviceIds: readonly string[]): Promise<ReadonlyMap<string, DeviceRecord>>;
}

/** What a device lookup answered, with how much the cache saved. */
export interface DeviceLookupResult {
  readonly devices: ReadonlyMap<string, DeviceRecord>;
  readonly cacheHits: number;
  readonly cacheMisses: number;
}

/** The port enrichment reads devices through (the cached store in production). */
export interface DeviceLookup {
  lookup(fleetId: string, deviceIds: readonly string[]): Promise<DeviceLookupResult>;
}

/** 'applied' when the record replaced an older revision (or none); 'stale' when it was not newer. */
export type ProjectionWriteOutcome = 'applied' | 'stale';

/** Writes the projection, applying a record only if its revision is newer than the stored one. */
export interface DeviceProjectionWriter {
  apply(record: DeviceRecord): Promise<ProjectionWriteOutcome>;
}
