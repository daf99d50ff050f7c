import type { EnrichedReading, NormalizedReading, QualityCode } from '@pulse/schemas';
import { computeAqi } from './aqi';
import { calibrate } from './calibration';
import type { DeviceRecord } from './device';

/** A concentration above the AQI table: the index is capped at 500 and the reading says so. */
export const AQI_CAPPED_CODE: QualityCode = 'aqi-capped';

/**
 * One reading, enriched. An unknown or retired device is never dropped: it travels as
 * `registered: false` with zone and location null, raw measurements, the AQI still computed,
 * flagged 'unregistered-device'. A registered device's measurements are calibrated first,
 * and the AQI is computed on the calibrated values.
 */
export function enrichReading(reading: NormalizedReading, device: DeviceRecord | undefined): EnrichedReading {
  const flags: QualityCode[] = [];
  const active = device?.status === 'active' ? device : undefined;
  let measurements = reading.measurements;
  if (active) {
    const calibrated = calibrate(reading.measurements, active.calibration);
    measurements = calibrated.measurements;
    if (calibrated.uncalibrated) flags.push('uncalibrated');
  } else {
    flags.push('unregistered-device');
  }
  const { aqi, capped } = computeAqi(measurements);
  if (capped) flags.push(AQI_CAPPED_CODE);
  return {
    readingId: reading.readingId,
    deviceId: reading.deviceId,
    ts: reading.ts,
    registered: active !== undefined,
    zoneId: active ? active.zoneId : null,
    location: active ? { lat: active.location.lat, lon: active.location.lon } : null,
    measurements,
    aqi,
    quality: mergeQuality(reading.quality, flags),
  };
}

/** Keeps transform's codes first, adds ours once each. */
function mergeQuality(existing: readonly QualityCode[], added: readonly QualityCode[]): QualityCode[] {
  if (added.length === 0) return [...existing];
  return [...new Set([...existing, ...added])];
}
