import type { Calibration, MeasurementKey, Measurements } from '@pulse/schemas';

export interface CalibrationResult {
  readonly measurements: Measurements;
  /** Some measured quantity had no calibration entry and was passed through unchanged. */
  readonly uncalibrated: boolean;
}

/** Limits a calibrated value must respect; temperature has none. */
const FLOOR_ZERO = { min: 0, max: Infinity };
const LIMITS: Readonly<Record<MeasurementKey, { min: number; max: number }>> = {
  pm25: FLOOR_ZERO,
  pm10: FLOOR_ZERO,
  o3: FLOOR_ZERO,
  no2: FLOOR_ZERO,
  co: FLOOR_ZERO,
  so2: FLOOR_ZERO,
  temperature: { min: -Infinity, max: Infinity },
  humidity: { min: 0, max: 100 },
};

/**
 * calibrated = raw × gain + offset, per measurement. A negative offset legitimately pushes
 * clean-air values below zero; the physical quantity cannot be negative, so it is clamped to
 * 0 (humidity to 0–100) without a flag: that is the calibration curve meeting its floor, not
 * a data problem. Results are rounded to 6 decimals so binary noise (13.100000000000001)
 * neither travels downstream nor shifts an AQI truncation.
 */
export function calibrate(measurements: Measurements, calibration: Calibration): CalibrationResult {
  const calibrated: Measurements = {};
  let uncalibrated = false;
  for (const key of Object.keys(measurements) as MeasurementKey[]) {
    const raw = measurements[key];
    if (raw === undefined) continue;
    const factor = calibration[key];
    if (factor === undefined) {
      uncalibrated = true;
      calibrated[key] = raw;
      continue;
    }
    const { min, max } = LIMITS[key];
    calibrated[key] = Math.min(max, Math.max(min, roundMicro(raw * factor.gain + factor.offset)));
  }
  return { measurements: calibrated, uncalibrated };
}

function roundMicro(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
