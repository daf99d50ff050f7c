import { fitLinear, valueAt } from './measured';

describe('fitLinear', () => {
  it('fits the line through the two measured batch sizes', () => {
    // Act: 3 ms for one reading, 52 ms for fifty → 1 ms per reading, 2 ms per invocation
    const line = fitLinear(1, 3, 50, 52);
    // Assess
    expect(line).toEqual({ fixed: 2, perReading: 1 });
    expect(valueAt(line, 200)).toBe(202);
  });

  it('never turns noise into a negative per-reading cost', () => {
    // Act: more CPU for one reading than for fifty (noise)
    const line = fitLinear(1, 5, 50, 4);
    // Assess
    expect(line).toEqual({ fixed: 5, perReading: 0 });
  });

  it('never returns a negative fixed part', () => {
    expect(fitLinear(1, 1, 11, 31)).toEqual({ fixed: 0, perReading: 3 });
  });

  it('needs two different batch sizes', () => {
    expect(() => fitLinear(50, 1, 50, 2)).toThrow(RangeError);
  });
});
