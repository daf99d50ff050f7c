import { AQI_CATEGORIES, type AqiCategory } from '@pulse/schemas';
import type { ZoneReading } from '../domain/zone-readings';

// Test builders shared by the specs and the bench (never imported by handlers).

export const T0 = Date.UTC(2026, 0, 1, 8);
export const MINUTE = 60_000;

/** The US EPA category of an AQI value (upper bounds 50, 100, 150, 200, 300). */
export function categoryOf(aqi: number): AqiCategory {
  const bounds = [50, 100, 150, 200, 300];
  const index = bounds.findIndex((upper) => aqi <= upper);
  return AQI_CATEGORIES[index === -1 ? 5 : index];
}

/** A reading of `device` at T0 + `minute` minutes with the given AQI. */
export function zoneReading(minute: number, aqi: number, device = 'sensor-1'): ZoneReading {
  const ts = T0 + Math.round(minute * MINUTE);
  return { readingId: `${device}@${ts}`, ts, aqi, category: categoryOf(aqi), dominant: 'pm25' };
}
