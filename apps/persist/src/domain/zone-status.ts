import type { AqiCategory, EnrichedReading, Pollutant } from '@pulse/schemas';

/** Latest air quality of one zone of one fleet (ZoneStatus table, pk fleetId, sk zoneId). */
export interface ZoneStatus {
  readonly fleetId: string;
  readonly zoneId: string;
  readonly aqi: number;
  readonly category: AqiCategory;
  readonly dominant: Pollutant;
  /** ts of the reading the status comes from: what "newer" is decided on. */
  readonly updatedAt: number;
  readonly readingId: string;
  readonly deviceId: string;
  readonly storedAt: number;
}

/**
 * Total order on statuses of one zone: later reading first, then the larger readingId, so
 * two writers with equal timestamps still converge on the same winner whatever their order.
 */
export function isNewer(candidate: Pick<ZoneStatus, 'updatedAt' | 'readingId'>, current: Pick<ZoneStatus, 'updatedAt' | 'readingId'>): boolean {
  return candidate.updatedAt > current.updatedAt || (candidate.updatedAt === current.updatedAt && candidate.readingId > current.readingId);
}

/**
 * One status per zone per batch, from the batch's newest reading of that zone that has an
 * AQI (a zone reading with no AQI pollutant says nothing about air quality). Zone writes
 * are then per zone, not per reading.
 */
export function latestZoneStatuses(fleetId: string, readings: readonly EnrichedReading[], storedAt: number): ZoneStatus[] {
  const latest = new Map<string, ZoneStatus>();
  for (const reading of readings) {
    if (reading.zoneId === null || reading.aqi === null) continue;
    const status: ZoneStatus = {
      fleetId,
      zoneId: reading.zoneId,
      aqi: reading.aqi.value,
      category: reading.aqi.category,
      dominant: reading.aqi.dominant,
      updatedAt: reading.ts,
      readingId: reading.readingId,
      deviceId: reading.deviceId,
      storedAt,
    };
    const current = latest.get(reading.zoneId);
    if (!current || isNewer(status, current)) latest.set(reading.zoneId, status);
  }
  return [...latest.values()];
}
