import type { AqiCategory, EnrichedReading, Pollutant } from '@pulse/schemas';

/** What the rule needs of a reading: its zone, reading time and AQI. */
export interface ZoneReading {
  readonly readingId: string;
  readonly ts: number;
  readonly aqi: number;
  readonly category: AqiCategory;
  readonly dominant: Pollutant;
}

/**
 * Groups a batch by zone, each zone's readings in reading-time order (a batch may arrive in
 * any order). Readings without a zone (unregistered devices) cannot raise a zone alert, and
 * readings without an AQI say nothing about air quality: both are left out, by design.
 */
export function readingsByZone(readings: readonly EnrichedReading[]): Map<string, ZoneReading[]> {
  const zones = new Map<string, ZoneReading[]>();
  for (const reading of readings) {
    if (reading.zoneId === null || reading.aqi === null) continue;
    const list = zones.get(reading.zoneId) ?? [];
    list.push({
      readingId: reading.readingId,
      ts: reading.ts,
      aqi: reading.aqi.value,
      category: reading.aqi.category,
      dominant: reading.aqi.dominant,
    });
    zones.set(reading.zoneId, list);
  }
  for (const list of zones.values()) list.sort(byReadingTime);
  return zones;
}

export function byReadingTime(a: { ts: number; readingId: string }, b: { ts: number; readingId: string }): number {
  return a.ts - b.ts || (a.readingId < b.readingId ? -1 : a.readingId > b.readingId ? 1 : 0);
}
