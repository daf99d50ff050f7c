/**
 * Truncates (never rounds) to `decimals` places, as EPA specifies before the breakpoint
 * lookup. The tiny epsilon absorbs binary floating-point error, so 35.4 (stored as
 * 35.399999…) stays 35.4 instead of dropping to 35.3 and into the row below.
 */
export function truncate(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 1e-9) / scale;
}
