import type { Units } from '@pulse/schemas';

/**
 * Gas concentration conversions at 25 °C and 1 atm, where one mole of an ideal gas
 * fills 24.45 L:  ppb = µg/m³ × 24.45 / MW  and  ppm = ppb / 1000.
 *
 * | gas | MW (g/mol) | 1 µg/m³ in ppb | 1 ppb in µg/m³ |
 * |-----|-----------:|---------------:|---------------:|
 * | O3  | 48.00      | 0.5094         | 1.9632         |
 * | NO2 | 46.01      | 0.5314         | 1.8818         |
 * | SO2 | 64.07      | 0.3816         | 2.6204         |
 * | CO  | 28.01      | 0.8729         | 1.1456         |
 */
export const MOLAR_VOLUME_LITRES = 24.45;

export const MOLECULAR_WEIGHTS = { o3: 48.0, no2: 46.01, so2: 64.07, co: 28.01 } as const;
export type Gas = keyof typeof MOLECULAR_WEIGHTS;
export const GASES = Object.keys(MOLECULAR_WEIGHTS) as Gas[];

export type GasUnit = NonNullable<Units['o3']>;
export type TemperatureUnit = NonNullable<Units['temperature']>;

/** The conventions' canonical units: CO in ppm (as the AQI table), the other gases in ppb. */
export const CANONICAL_GAS_UNITS: Readonly<Record<Gas, GasUnit>> = { o3: 'ppb', no2: 'ppb', so2: 'ppb', co: 'ppm' };

/** ppb per µg/m³ of the gas. */
export function ppbPerMicrogram(gas: Gas): number {
  return MOLAR_VOLUME_LITRES / MOLECULAR_WEIGHTS[gas];
}

export function toPpb(value: number, unit: GasUnit, gas: Gas): number {
  if (unit === 'ppb') return value;
  if (unit === 'ppm') return value * 1000;
  return value * ppbPerMicrogram(gas);
}

export function fromPpb(ppb: number, unit: GasUnit, gas: Gas): number {
  if (unit === 'ppb') return ppb;
  if (unit === 'ppm') return ppb / 1000;
  return ppb / ppbPerMicrogram(gas);
}

export function convertGas(value: number, from: GasUnit, to: GasUnit, gas: Gas): number {
  return from === to ? value : fromPpb(toPpb(value, from, gas), to, gas);
}

// Dividing (rather than multiplying by 5/9) keeps the conversion finite for every finite input.
export function fahrenheitToCelsius(fahrenheit: number): number {
  return (fahrenheit - 32) / 1.8;
}

export function celsiusToFahrenheit(celsius: number): number {
  return celsius * 1.8 + 32;
}
