import type { AqiCategory } from '@pulse/schemas';

/** Upper index of each category, in AQI_CATEGORIES order; above 300 is Hazardous. */
const UPPER_BOUNDS: readonly [number, AqiCategory][] = [
  [50, 'Good'],
  [100, 'Moderate'],
  [150, 'Unhealthy for Sensitive Groups'],
  [200, 'Unhealthy'],
  [300, 'Very Unhealthy'],
];

export function aqiCategory(value: number): AqiCategory {
  for (const [upper, category] of UPPER_BOUNDS) if (value <= upper) return category;
  return 'Hazardous';
}
