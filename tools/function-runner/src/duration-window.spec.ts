import { DurationWindow } from './duration-window';

describe('DurationWindow', () => {
  it('gives nearest-rank percentiles over the most recent values only', () => {
    // Prepare
    const window = new DurationWindow(100);
    for (let i = 1; i <= 100; i += 1) window.add(1000 + i);
    const empty = new DurationWindow();

    // Act
    for (let i = 1; i <= 100; i += 1) window.add(i);

    // Assess
    expect(window.percentile(50)).toBe(50);
    expect(window.percentile(99)).toBe(99);
    expect(window.percentile(100)).toBe(100);
    expect(empty.percentile(50)).toBe(0);
  });
});
