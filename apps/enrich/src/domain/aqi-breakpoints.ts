import type { Pollutant } from '@pulse/schemas';

/**
 * US EPA AQI breakpoints, EPA-454/B-24-002 (May 2024), Table 6, in Pulse's canonical units
 * (PM µg/m³; O3, NO2, SO2 ppb; CO ppm — EPA's O3 ppm × 1000). Each row maps the concentration
 * range [lo, hi] linearly onto the index range [indexLo, indexHi].
 */
export interface BreakpointRow {
  readonly lo: number;
  readonly hi: number;
  readonly indexLo: number;
  readonly indexHi: number;
}

const row = (lo: number, hi: number, indexLo: number, indexHi: number): BreakpointRow => ({ lo, hi, indexLo, indexHi });

/** Every table covers 0 upwards without gaps at its truncation precision. */
export const BREAKPOINTS: Readonly<Record<Exclude<Pollutant, 'o3'>, readonly BreakpointRow[]>> = {
  pm25: [row(0.0, 9.0, 0, 50), row(9.1, 35.4, 51, 100), row(35.5, 55.4, 101, 150), row(55.5, 125.4, 151, 200), row(125.5, 225.4, 201, 300), row(225.5, 325.4, 301, 500)],
  pm10: [row(0, 54, 0, 50), row(55, 154, 51, 100), row(155, 254, 101, 150), row(255, 354, 151, 200), row(355, 424, 201, 300), row(425, 604, 301, 500)],
  co: [row(0.0, 4.4, 0, 50), row(4.5, 9.4, 51, 100), row(9.5, 12.4, 101, 150), row(12.5, 15.4, 151, 200), row(15.5, 30.4, 201, 300), row(30.5, 50.4, 301, 500)],
  so2: [row(0, 35, 0, 50), row(36, 75, 51, 100), row(76, 185, 101, 150), row(186, 304, 151, 200), row(305, 604, 201, 300), row(605, 1004, 301, 500)],
  no2: [row(0, 53, 0, 50), row(54, 100, 51, 100), row(101, 360, 101, 150), row(361, 649, 151, 200), row(650, 1249, 201, 300), row(1250, 2049, 301, 500)],
};

/** The last O3 8-hour row: EPA defines no 8-hour Hazardous row. */
export const O3_8H_TOP_ROW = row(106, 200, 201, 300);

/** O3 8-hour rows (ppb), up to 200 ppb. */
export const O3_8H_BREAKPOINTS: readonly BreakpointRow[] = [
  row(0, 54, 0, 50),
  row(55, 70, 51, 100),
  row(71, 85, 101, 150),
  row(86, 105, 151, 200),
  O3_8H_TOP_ROW,
];

/** The first O3 1-hour row: EPA says 1-hour values do not define AQI ≤ 100. */
export const O3_1H_FIRST_ROW = row(125, 164, 101, 150);

/** O3 1-hour rows (ppb), from 125 ppb. */
export const O3_1H_BREAKPOINTS: readonly BreakpointRow[] = [
  O3_1H_FIRST_ROW,
  row(165, 204, 151, 200),
  row(205, 404, 201, 300),
  row(405, 604, 301, 500),
];

/**
 * Decimal places EPA truncates each concentration to before the lookup (PM2.5 0.1 µg/m³,
 * PM10 1 µg/m³, O3 1 ppb, CO 0.1 ppm, SO2 and NO2 1 ppb): truncated, the rows meet without gaps.
 */
export const TRUNCATION_DECIMALS: Readonly<Record<Pollutant, number>> = {
  pm25: 1,
  pm10: 0,
  o3: 0,
  co: 1,
  so2: 0,
  no2: 0,
};

/** The top of the scale: concentrations above the last row are capped here and flagged. */
export const AQI_SCALE_MAX = 500;
