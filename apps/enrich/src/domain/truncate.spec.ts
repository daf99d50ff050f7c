import { truncate } from './truncate';

describe('truncate', () => {
  it.each([
    [9.05, 1, 9.0],
    [35.4, 1, 35.4],
    [35.49999, 1, 35.4],
    [54.999, 0, 54],
    [0.1 + 0.2, 1, 0.3],
    [1.005, 3, 1.005],
    [0, 1, 0],
  ])('truncate(%p, %p) = %p', (value, decimals, expected) => {
    // Act
    const result = truncate(value, decimals);

    // Assess
    expect(result).toBe(expected);
  });
});
