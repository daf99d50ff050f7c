import fc from 'fast-check';
import { AqiSchema, compileValidator } from '@pulse/schemas';
import { computeAqi } from './aqi';
import { aqiCategory } from './aqi-category';

const validAqi = compileValidator(AqiSchema);

describe('computeAqi', () => {
  it('takes the highest sub-index as the AQI, with its category and dominant pollutant', () => {
    // Prepare
    const measurements = { pm25: 13.1, pm10: 20.1, o3: 41, temperature: 18.5, humidity: 54 };

    // Act
    const { aqi, capped } = computeAqi(measurements);

    // Assess
    expect(aqi).toEqual({ value: 58, category: 'Moderate', dominant: 'pm25', subIndices: { pm25: 58, pm10: 19, o3: 38 } });
    expect(capped).toBe(false);
  });

  it('is null when no pollutant with a breakpoint table was measured', () => {
    // Act
    const result = computeAqi({ temperature: 21, humidity: 40 });

    // Assess
    expect(result).toEqual({ aqi: null, capped: false });
  });

  it('breaks a tie by POLLUTANTS order (pm25 before pm10)', () => {
    // Act: both at the top of Good
    const { aqi } = computeAqi({ pm10: 54, pm25: 9.0 });

    // Assess
    expect(aqi).toMatchObject({ value: 50, dominant: 'pm25' });
  });

  it('caps a concentration above the table at 500 (Hazardous) and reports it', () => {
    // Act: wildfire smoke beyond the PM2.5 table
    const { aqi, capped } = computeAqi({ pm25: 612.3, co: 2 });

    // Assess
    expect(aqi).toMatchObject({ value: 500, category: 'Hazardous', dominant: 'pm25' });
    expect(capped).toBe(true);
  });

  it('always produces a value the AqiSchema accepts, equal to the highest sub-index (property)', () => {
    // Prepare
    const concentration = fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: undefined });
    const measurements = fc.record({ pm25: concentration, pm10: concentration, o3: concentration, no2: concentration, co: concentration, so2: concentration });

    // Act + Assess
    fc.assert(
      fc.property(measurements, (m) => {
        const defined = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
        const { aqi } = computeAqi(defined);
        if (Object.keys(defined).length === 0) return aqi === null;
        return aqi !== null && validAqi(aqi).ok && aqi.value === Math.max(...Object.values(aqi.subIndices)) && aqi.subIndices[aqi.dominant] === aqi.value;
      }),
    );
  });
});

describe('aqiCategory', () => {
  it.each([
    [0, 'Good'],
    [50, 'Good'],
    [51, 'Moderate'],
    [100, 'Moderate'],
    [101, 'Unhealthy for Sensitive Groups'],
    [150, 'Unhealthy for Sensitive Groups'],
    [151, 'Unhealthy'],
    [200, 'Unhealthy'],
    [201, 'Very Unhealthy'],
    [300, 'Very Unhealthy'],
    [301, 'Hazardous'],
    [500, 'Hazardous'],
  ])('%p → %s', (value, category) => {
    // Act + Assess
    expect(aqiCategory(value)).toBe(category);
  });
});
