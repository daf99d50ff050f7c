import { LatencyWindow } from './latency-window';

describe('LatencyWindow', () => {
  it('weights each latency by the readings it stands for', () => {
    const window = new LatencyWindow();
    window.add(10, 98);
    window.add(500, 2);

    expect(window.count).toBe(100);
    expect(window.percentile(50)).toBe(10);
    expect(window.percentile(98)).toBe(10);
    expect(window.percentile(99)).toBe(500);
  });

  it('is NaN when nothing was recorded, and ignores empty or non-finite samples', () => {
    const window = new LatencyWindow();
    window.add(Number.NaN, 5);
    window.add(20, 0);

    expect(window.count).toBe(0);
    expect(window.percentile(99)).toBeNaN();
  });
});
