import type { Pollutant } from '@pulse/schemas';
import {
  AQI_SCALE_MAX, BREAKPOINTS, O3_1H_BREAKPOINTS, O3_1H_FIRST_ROW, O3_8H_BREAKPOINTS, O3_8H_TOP_ROW, TRUNCATION_DECIMALS,
  type BreakpointRow,
} from './aqi-breakpoints';
import { truncate } from './truncate';

/** A pollutant's sub-index; `capped` when the concentration was above the table (index held at 500). */
export interface SubIndex {
  readonly value: number;
  readonly capped: boolean;
}

const CAPPED: SubIndex = { value: AQI_SCALE_MAX, capped: true };

/**
 * The AQI sub-index of one instantaneous concentration in canonical units. Instantaneous
 * values stand in for EPA's averaging periods (24-h PM, 8-h O3/CO, 1-h NO2/SO2) until a
 * NowCast step exists.
 */
export function subIndex(pollutant: Pollutant, concentration: number): SubIndex {
  const c = truncate(concentration, TRUNCATION_DECIMALS[pollutant]);
  return pollutant === 'o3' ? ozoneSubIndex(c) : tableSubIndex(BREAKPOINTS[pollutant], c);
}

/**
 * O3 uses the 8-hour rows up to 200 ppb and the 1-hour rows above; where both define a
 * value (125–200 ppb) the larger wins. Above 200 ppb the 8-hour table is treated as
 * saturated at its top (300) rather than undefined: otherwise 201 ppb would index 196
 * (1-hour Unhealthy row) while 200 ppb indexes 300, and worsening ozone would lower the
 * AQI (and resolve alerts) all the way up to 404 ppb.
 */
function ozoneSubIndex(c: number): SubIndex {
  if (c < O3_1H_FIRST_ROW.lo) return tableSubIndex(O3_8H_BREAKPOINTS, c);
  const oneHour = tableSubIndex(O3_1H_BREAKPOINTS, c);
  if (oneHour.capped) return oneHour;
  const eightHour = c <= O3_8H_TOP_ROW.hi ? tableSubIndex(O3_8H_BREAKPOINTS, c).value : O3_8H_TOP_ROW.indexHi;
  return { value: Math.max(eightHour, oneHour.value), capped: false };
}

/** `c` is already truncated, so it lies inside one row or above the last. Exported for tests. */
export function tableSubIndex(rows: readonly BreakpointRow[], c: number): SubIndex {
  for (const r of rows) {
    if (c <= r.hi) return { value: interpolate(r, Math.max(c, r.lo)), capped: false };
  }
  return CAPPED;
}

/** EPA's equation, rounded to the nearest integer (the epsilon keeps exact halves rounding up). */
function interpolate(r: BreakpointRow, c: number): number {
  const index = ((r.indexHi - r.indexLo) / (r.hi - r.lo)) * (c - r.lo) + r.indexLo;
  return Math.round(index + 1e-9);
}
