import type { MeasurementKey, Pollutant } from '@pulse/schemas';

/**
 * The plausibility table transform flags readings with (never drops them: ingest already
 * rejected what is invalid). Every limit is in canonical units (PM µg/m³; O3, NO2, SO2 ppb;
 * CO ppm; °C; %RH) and documented in apps/transform/README.md.
 */

/** Outdoor air temperature outside this is a sensor fault (temperature-out-of-range). */
export const TEMPERATURE_RANGE_C = { min: -60, max: 70 } as const;

/**
 * Full scale of the sensors such fleets use, with headroom above the top of the US EPA AQI
 * tables; a value above it is not a measurement the sensor can make (beyond-sensor-range).
 */
export const SENSOR_RANGE_MAX: Readonly<Record<Pollutant, number>> = {
  pm25: 1000,
  pm10: 2000,
  o3: 1000,
  no2: 3000,
  so2: 3000,
  co: 100,
};

/**
 * "A unit that looks wrong for the magnitude" (suspect-unit). Judged on the canonical value
 * alone, so flagging an already normalised reading gives the same verdict (idempotence):
 * - a gas beyond its range that would be within it at 1/1000: the gas ranges are already
 *   far above anything measured in outdoor air, so the 1000× ppb/ppm mix-up is the likelier
 *   explanation (the reading gets both beyond-sensor-range and suspect-unit);
 * - a temperature above the range that is plausible read as °F or as kelvin;
 * - a humidity strictly between 0 and 1: a fraction sent instead of a percentage.
 */
export const GAS_UNIT_MIXUP_FACTOR = 1000;
export const KELVIN_OFFSET = 273.15;
export const HUMIDITY_FRACTION_BELOW = 1;

/**
 * "A sudden jump beyond a physical rate" (sudden-jump): between two consecutive readings of
 * one device, a change larger than `noise + ratePerMinute × minutes elapsed`. The noise term
 * absorbs sensor jitter over short intervals; the rate is what the quantity can do in open
 * air at a fixed urban site (a passing bus moves NO2 and PM fast, the air temperature slowly).
 */
export interface JumpLimit {
  readonly noise: number;
  readonly ratePerMinute: number;
}

export const JUMP_LIMITS: Readonly<Record<MeasurementKey, JumpLimit>> = {
  pm25: { noise: 50, ratePerMinute: 50 },
  pm10: { noise: 100, ratePerMinute: 100 },
  o3: { noise: 20, ratePerMinute: 10 },
  no2: { noise: 50, ratePerMinute: 20 },
  so2: { noise: 50, ratePerMinute: 20 },
  co: { noise: 5, ratePerMinute: 2 },
  temperature: { noise: 3, ratePerMinute: 1 },
  humidity: { noise: 15, ratePerMinute: 5 },
};
