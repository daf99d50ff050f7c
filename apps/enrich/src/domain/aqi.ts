import { POLLUTANTS, type Aqi, type Measurements, type Pollutant } from '@pulse/schemas';
import { aqiCategory } from './aqi-category';
import { subIndex } from './sub-index';

export interface AqiResult {
  /** null when the reading measured no pollutant with a breakpoint table. */
  readonly aqi: Aqi | null;
  /** Some concentration was above its table: its sub-index was capped at 500. */
  readonly capped: boolean;
}

/**
 * Overall AQI = the highest sub-index; its category; the dominant pollutant is the one
 * with that sub-index (on a tie, the first in POLLUTANTS order: pm25, pm10, o3, no2, co, so2).
 */
export function computeAqi(measurements: Measurements): AqiResult {
  const subIndices: Aqi['subIndices'] = {};
  let dominant: Pollutant | undefined;
  let value = -1;
  let capped = false;
  for (const pollutant of POLLUTANTS) {
    const concentration = measurements[pollutant];
    if (concentration === undefined) continue;
    const index = subIndex(pollutant, concentration);
    subIndices[pollutant] = index.value;
    capped ||= index.capped;
    if (index.value > value) {
      value = index.value;
      dominant = pollutant;
    }
  }
  if (dominant === undefined) return { aqi: null, capped: false };
  return { aqi: { value, category: aqiCategory(value), dominant, subIndices }, capped };
}
