import type { BatchWriteStats } from './batch-writer';
import type { ReadingItem } from './reading-item';
import type { ZoneStatus } from './zone-status';

/** Writes reading items, idempotently (a key written twice is one item), without reading first. */
export interface ReadingsWriter {
  putAll(items: readonly ReadingItem[]): Promise<BatchWriteStats>;
}

/** Writes a status unless the stored one is newer; resolves to whether it was written. */
export interface ZoneStatusWriter {
  putIfNewer(status: ZoneStatus): Promise<boolean>;
}

/** A device's readings with from ≤ ts ≤ to, newest first, after the `before` position. */
export interface DeviceReadingsQuery {
  readonly fleetId: string;
  readonly deviceId: string;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
  /** ts of the last reading of the previous page: this page starts strictly older. */
  readonly before?: number;
}

export interface Page<T, P> {
  readonly items: T[];
  /** Position of the last item when more may follow; undefined on the last page. */
  readonly next?: P;
}

export interface ReadingsReader {
  deviceReadings(query: DeviceReadingsQuery): Promise<Page<ReadingItem, number>>;
  /** Whether the fleet has any reading of the device at or after `since` (404 versus an empty range). */
  hasDeviceReadings(fleetId: string, deviceId: string, since: number): Promise<boolean>;
}

/** A reading's place in a zone's list: its time, then its device (several devices share a ts). */
export interface ZonePosition {
  readonly ts: number;
  readonly deviceId: string;
}

/** A zone's readings with since ≤ ts ≤ until, newest first, after the `before` position. */
export interface ZoneReadingsQuery {
  readonly fleetId: string;
  readonly zoneId: string;
  readonly since: number;
  readonly until: number;
  readonly limit: number;
  /** Position of the last reading of the previous page: this page starts after it. */
  readonly before?: ZonePosition;
}

export interface ZoneReadingsReader {
  /** Whole readings (the same items as deviceReadings), found through the zone index. */
  zoneReadings(query: ZoneReadingsQuery): Promise<Page<ReadingItem, ZonePosition>>;
  /** Whether the fleet has any reading in the zone at or after `since` (404 versus an empty range). */
  hasZoneReadings(fleetId: string, zoneId: string, since: number): Promise<boolean>;
}

export interface ZoneStatusReader {
  /** The fleet's zone statuses by zone id, after the `after` zone. */
  list(fleetId: string, limit: number, after?: string): Promise<Page<ZoneStatus, string>>;
}
