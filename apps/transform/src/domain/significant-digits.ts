/**
 * Converted values keep 6 significant digits: far finer than any air-quality sensor
 * resolves (2–3 digits), and 0.041 ppm becomes 41 ppb rather than 41.00000000000001.
 * Rounding an already rounded value returns it unchanged, so normalisation stays idempotent.
 */
export const SIGNIFICANT_DIGITS = 6;

export function roundSignificant(value: number, digits = SIGNIFICANT_DIGITS): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}
