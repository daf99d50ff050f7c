import fc from 'fast-check';
import { POLLUTANTS } from '@pulse/schemas';
import boundaries from './__fixtures__/aqi-boundaries.json';
import { O3_1H_BREAKPOINTS } from './aqi-breakpoints';
import { subIndex, tableSubIndex } from './sub-index';

type Pollutant = (typeof POLLUTANTS)[number];

describe('subIndex', () => {
  it.each(boundaries.subIndex)('$pollutant $concentration → $index ($why)', ({ pollutant, concentration, index, capped }) => {
    // Prepare: the case comes from the hand-typed EPA table in the fixture

    // Act
    const result = subIndex(pollutant as Pollutant, concentration);

    // Assess
    expect(result).toEqual({ value: index, capped });
  });

  it.each(boundaries.o3OneHourRows)('O3 1-hour row end $concentration ppb → $index', ({ concentration, index }) => {
    // Act
    const result = tableSubIndex(O3_1H_BREAKPOINTS, concentration);

    // Assess
    expect(result).toEqual({ value: index, capped: false });
  });

  it('interpolates linearly inside a row and rounds to the nearest integer', () => {
    // Act: PM2.5 12.0 in 9.1–35.4 ↔ 51–100 = 56.40…; PM2.5 35.9 in 35.5–55.4 ↔ 101–150 = 101.98…
    const results = [subIndex('pm25', 12.0).value, subIndex('pm25', 35.9).value, subIndex('pm10', 20.1).value];

    // Assess
    expect(results).toEqual([56, 102, 19]);
  });

  it('truncates to 0.1 µg/m³ instead of rounding (35.49 stays Moderate)', () => {
    // Act
    const result = subIndex('pm25', 35.49);

    // Assess
    expect(result.value).toBe(100);
  });

  it.each(POLLUTANTS)('never decreases as %s rises (property)', (pollutant) => {
    // Prepare
    const concentration = fc.double({ min: 0, max: 3000, noNaN: true });

    // Act + Assess
    fc.assert(
      fc.property(concentration, concentration, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return subIndex(pollutant, low).value <= subIndex(pollutant, high).value;
      }),
      { numRuns: 2000 },
    );
  });

  it.each(POLLUTANTS)('stays within 0–500 and caps only above the table for %s (property)', (pollutant) => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (c) => {
        const { value, capped } = subIndex(pollutant, c);
        return Number.isInteger(value) && value >= 0 && value <= 500 && (!capped || value === 500);
      }),
    );
  });
});
