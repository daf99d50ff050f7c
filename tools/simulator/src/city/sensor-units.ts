import type { Units } from '@pulse/schemas';

type Gas = 'o3' | 'no2' | 'co' | 'so2';

/** g/mol, for ppb ⇄ µg/m³ at 25 °C and 1 atm (molar volume 24.45 L). */
const MOLAR_MASS: Record<Gas, number> = { o3: 48.0, no2: 46.01, co: 28.01, so2: 64.07 };
const MOLAR_VOLUME = 24.45;

/** Canonical gases: O3, NO2, SO2 in ppb, CO in ppm. Converts to what the device declared. */
export function gasInSensorUnit(gas: Gas, canonical: number, units: Units): number {
  const unit = units[gas];
  const ppb = gas === 'co' ? canonical * 1000 : canonical;
  if (unit === 'ppm') return ppb / 1000;
  if (unit === 'ppb') return ppb;
  if (unit === 'ugm3') return (ppb * MOLAR_MASS[gas]) / MOLAR_VOLUME;
  return canonical;
}

export function temperatureInSensorUnit(celsius: number, units: Units): number {
  return units.temperature === 'F' ? (celsius * 9) / 5 + 32 : celsius;
}
