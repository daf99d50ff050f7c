import type { Channel, Device, Zone } from './city-types';
import { boundedNormal, hash01 } from './prng';

/** True (calibrated, canonical-unit) values of one device at one instant. */
export type TrueValues = Record<Channel, number>;

const HOUR_MS = 3_600_000;

/** Local solar hour 0–24 from the longitude, so cycles follow the sun wherever the city is. */
export function localHour(epochMs: number, lon: number): number {
  return ((((epochMs + (lon / 15) * HOUR_MS) % (24 * HOUR_MS)) + 24 * HOUR_MS) % (24 * HOUR_MS)) / HOUR_MS;
}

/** 0 at the coolest hour (~3–4 h), 1 at the peak (~15 h). */
function daily(hour: number, peakHour: number): number {
  return (1 + Math.cos(((hour - peakHour) / 24) * 2 * Math.PI)) / 2;
}

/** Morning and evening rush hours (around 8 h and 18 h), 0–1. */
function rush(hour: number): number {
  const bump = (centre: number) => Math.exp(-((hour - centre) ** 2) / 2);
  return Math.min(1, bump(8) + bump(18));
}

/**
 * Calm-weather values, chosen so every pollutant stays well below AQI 101 even at its
 * peak with noise: only the incident scenario may raise an alert.
 */
export function baselineValues(seed: number, device: Device, zone: Zone, epochMs: number): TrueValues {
  const hour = localHour(epochMs, device.location.lon);
  const f = zone.pollutionFactor;
  // Each device sits at its own spot: a stable per-device level within the zone's range.
  const spot = (channel: number) => 0.85 + 0.3 * hash01(seed, device.index, 7_000 + channel);
  const noise = (channel: number, sd: number) => sd * boundedNormal(seed, device.index, epochMs, channel);
  const traffic = rush(hour);
  const sun = daily(hour, 15);
  return {
    pm25: Math.max(0.5, 11 * f * spot(1) * (0.85 + 0.3 * traffic) + noise(1, 1.2)),
    pm10: Math.max(1, 22 * f * spot(2) * (0.85 + 0.3 * traffic) + noise(2, 2.5)),
    o3: Math.max(1, (12 + 28 * sun) * spot(3) + noise(3, 2)),
    no2: Math.max(1, (10 + 22 * traffic) * f * spot(4) + noise(4, 1.8)),
    co: Math.max(0.05, (0.3 + 0.5 * traffic) * f * spot(5) + noise(5, 0.05)),
    so2: Math.max(0.2, 2.5 * f * spot(6) + noise(6, 0.4)),
    temperature: 9 + 9 * sun + noise(7, 0.4),
    humidity: Math.min(98, Math.max(20, 78 - 28 * sun + noise(8, 2.5))),
  };
}
