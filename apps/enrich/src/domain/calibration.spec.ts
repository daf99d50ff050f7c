import fc from 'fast-check';
import { calibrate } from './calibration';

describe('calibrate', () => {
  it('applies value × gain + offset per measurement, without float noise', () => {
    // Prepare
    const calibration = { pm25: { gain: 1.05, offset: 0.08 }, temperature: { gain: 1, offset: -0.4 } };

    // Act
    const result = calibrate({ pm25: 12.4, temperature: 18.5 }, calibration);

    // Assess: 12.4 × 1.05 + 0.08 is 13.100000000000001 in binary floating point
    expect(result).toEqual({ measurements: { pm25: 13.1, temperature: 18.1 }, uncalibrated: false });
  });

  it('passes a measurement without a calibration entry through and reports it uncalibrated', () => {
    // Act
    const result = calibrate({ pm25: 12.4, humidity: 54 }, { pm25: { gain: 2, offset: 0 } });

    // Assess
    expect(result).toEqual({ measurements: { pm25: 24.8, humidity: 54 }, uncalibrated: true });
  });

  it('clamps concentrations at 0 and humidity to 0–100; temperature may go below 0', () => {
    // Prepare
    const calibration = { no2: { gain: 1, offset: -5 }, humidity: { gain: 1.2, offset: 0 }, temperature: { gain: 1, offset: -3 } };

    // Act
    const result = calibrate({ no2: 2, humidity: 95, temperature: 1 }, calibration);

    // Assess
    expect(result.measurements).toEqual({ no2: 0, humidity: 100, temperature: -2 });
  });

  it('keeps every concentration ≥ 0 whatever the calibration (property)', () => {
    // Prepare
    const factor = fc.record({ gain: fc.double({ min: 0.01, max: 10, noNaN: true }), offset: fc.double({ min: -1000, max: 1000, noNaN: true }) });

    // Act + Assess
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), factor, (value, f) => {
        const { measurements } = calibrate({ so2: value, humidity: Math.min(value, 100) }, { so2: f, humidity: f });
        return measurements.so2! >= 0 && measurements.humidity! >= 0 && measurements.humidity! <= 100;
      }),
    );
  });

  it('is the identity for gain 1 and offset 0 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (micro) => {
        const value = micro / 1000;
        return calibrate({ pm10: value }, { pm10: { gain: 1, offset: 0 } }).measurements.pm10 === value;
      }),
    );
  });
});
