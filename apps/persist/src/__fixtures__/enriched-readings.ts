import type { AqiCategory, EnrichedReading, Pollutant, ReadingsEnrichedV1Data } from '@pulse/schemas';

/** Enriched readings for specs and the bench: realistic values, ids derived as ingest does. */
export interface ReadingSpec {
  readonly deviceId?: string;
  readonly ts?: number;
  readonly zoneId?: string | null;
  readonly aqi?: number | null;
  readonly category?: AqiCategory;
  readonly dominant?: Pollutant;
}

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

export function enrichedReading(spec: ReadingSpec = {}): EnrichedReading {
  const deviceId = spec.deviceId ?? 'sensor-0042';
  const ts = spec.ts ?? T0;
  const zoneId = spec.zoneId === undefined ? 'presquile' : spec.zoneId;
  const aqi = spec.aqi === undefined ? 59 : spec.aqi;
  return {
    readingId: `${deviceId}@${ts}`,
    deviceId,
    ts,
    registered: zoneId !== null,
    zoneId,
    location: zoneId === null ? null : { lat: 45.7578, lon: 4.832 },
    measurements: { pm25: 13.1, pm10: 20.1, temperature: 18.5, humidity: 54 },
    aqi:
      aqi === null
        ? null
        : { value: aqi, category: spec.category ?? 'Moderate', dominant: spec.dominant ?? 'pm25', subIndices: { pm25: aqi, pm10: 19 } },
    quality: zoneId === null ? ['unregistered-device'] : [],
  };
}

export function enrichedBatch(readings: readonly EnrichedReading[], fleetId = 'city-lyon', receivedAt = T0 + 1_100): ReadingsEnrichedV1Data {
  return { fleetId, receivedAt, readings: [...readings] };
}

/** `count` readings of `devices` devices spread over `zones` zones, one second apart per device. */
export function enrichedReadings(count: number, devices = 20, zones = 5, start = T0): EnrichedReading[] {
  return Array.from({ length: count }, (_, i) =>
    enrichedReading({ deviceId: `sensor-${String(i % devices).padStart(4, '0')}`, ts: start + Math.floor(i / devices) * 1000, zoneId: `zone-${i % zones}`, aqi: 40 + (i % 60) }),
  );
}
