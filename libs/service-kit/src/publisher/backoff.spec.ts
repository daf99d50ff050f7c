import { fullJitterDelay } from './backoff';

describe('fullJitterDelay', () => {
  const options = { baseDelayMs: 50, maxDelayMs: 1000 };

  it('doubles the ceiling per retry up to the cap', () => {
    // Act: random just below 1 shows the ceiling
    const ceilings = [1, 2, 3, 4, 5, 6].map((retry) => fullJitterDelay(retry, { ...options, random: () => 0.999999 }));

    // Assess
    expect(ceilings).toEqual([49, 99, 199, 399, 799, 999]);
  });

  it('draws uniformly from zero (full jitter)', () => {
    // Act
    const low = fullJitterDelay(3, { ...options, random: () => 0 });
    const mid = fullJitterDelay(3, { ...options, random: () => 0.5 });

    // Assess
    expect(low).toBe(0);
    expect(mid).toBe(100);
  });
});
