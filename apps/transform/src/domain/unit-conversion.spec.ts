import fc from 'fast-check';
import {
  GASES,
  MOLECULAR_WEIGHTS,
  celsiusToFahrenheit,
  convertGas,
  fahrenheitToCelsius,
  ppbPerMicrogram,
  type GasUnit,
} from './unit-conversion';

const UNITS: GasUnit[] = ['ppb', 'ppm', 'ugm3'];
// Concentrations from trace to far beyond any sensor; round trips are relative, so the
// tolerance is a few ulps of the value.
const concentration = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });
const closeTo = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));

describe('gas unit conversion at 25 °C, 1 atm', () => {
  it('uses ppb = µg/m³ × 24.45 / MW with the documented molecular weights', () => {
    // Prepare
    const expected = { o3: 0.5094, no2: 0.5314, so2: 0.3816, co: 0.8729 };

    // Act
    const factors = Object.fromEntries(GASES.map((gas) => [gas, Number(ppbPerMicrogram(gas).toFixed(4))]));

    // Assess
    expect(MOLECULAR_WEIGHTS).toEqual({ o3: 48.0, no2: 46.01, so2: 64.07, co: 28.01 });
    expect(factors).toEqual(expected);
  });

  it.each([
    ['o3', 100, 'ugm3', 'ppb', 50.9375],
    ['no2', 17, 'ppb', 'ugm3', 31.99059],
    ['co', 1146, 'ugm3', 'ppm', 1.000359],
    ['o3', 0.041, 'ppm', 'ppb', 41],
    ['so2', 2500, 'ppb', 'ppm', 2.5],
  ] as const)('converts %s %d %s to %s', (gas, value, from, to, expected) => {
    // Act
    const converted = convertGas(value, from, to, gas);

    // Assess
    expect(converted).toBeCloseTo(expected, 4);
  });

  it('round-trips ppb → µg/m³ → ppb within floating tolerance, for every gas', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GASES), concentration, (gas, ppb) => {
        // Act
        const back = convertGas(convertGas(ppb, 'ppb', 'ugm3', gas), 'ugm3', 'ppb', gas);

        // Assess
        return closeTo(back, ppb);
      }),
    );
  });

  it('round-trips between any two units within floating tolerance', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GASES), fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), concentration, (gas, from, to, value) => {
        // Act
        const back = convertGas(convertGas(value, from, to, gas), to, from, gas);

        // Assess
        return closeTo(back, value);
      }),
    );
  });
});

describe('temperature conversion', () => {
  it('maps the fixed points of water', () => {
    // Act / Assess
    expect(fahrenheitToCelsius(32)).toBe(0);
    expect(fahrenheitToCelsius(212)).toBe(100);
    expect(fahrenheitToCelsius(-40)).toBe(-40);
  });

  it('round-trips °C → °F → °C within floating tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (celsius) => closeTo(fahrenheitToCelsius(celsiusToFahrenheit(celsius)), celsius)),
    );
  });

  it('stays finite for the most extreme finite input', () => {
    // Act / Assess
    expect(Number.isFinite(fahrenheitToCelsius(Number.MAX_VALUE))).toBe(true);
    expect(Number.isFinite(fahrenheitToCelsius(-Number.MAX_VALUE))).toBe(true);
  });
});
