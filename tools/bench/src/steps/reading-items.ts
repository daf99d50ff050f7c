import { readingsAt } from '@pulse/simulator';
import type { BenchCity } from '../world/city-traffic';

/**
 * Items shaped as persist stores a reading (apps/persist/src/domain/reading-item.ts): key
 * `<fleetId>#<deviceId>` + ts, zoneKey (so a byZone index entry too), registration,
 * location, the simulator's eight measurements, an AQI with its sub-indices, quality flags,
 * the stamps and the TTL attribute.
 */
export function readingItems(bench: BenchCity, fleetId: string, count: number, firstTick: number): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const devices = new Map(bench.city.devices.map((d) => [d.deviceId, d]));
  for (let tick = firstTick; items.length < count; tick++) {
    const at = bench.run.startMs + tick * bench.city.intervalMs;
    for (const reading of readingsAt(bench.city, at, bench.run)) {
      const device = devices.get(reading.deviceId);
      if (!device || items.length === count) continue;
      const measurements = (reading.body as { measurements: Record<string, number> }).measurements;
      const pm25 = measurements['pm25'] ?? 0;
      items.push({
        pk: `${fleetId}#${device.deviceId}`,
        ts: at,
        zoneKey: `${fleetId}#${device.zoneId}`,
        registered: true,
        location: device.location,
        measurements,
        aqi: {
          value: Math.round(pm25 * 4),
          category: 'Moderate',
          dominant: 'pm25',
          subIndices: { pm25: Math.round(pm25 * 4), pm10: 19, o3: 38, no2: 16, co: 5, so2: 3 },
        },
        quality: [],
        receivedAt: at + 900,
        storedAt: at + 1200,
        expiresAt: Math.floor(at / 1000) + 30 * 86_400,
      });
    }
  }
  return items;
}
