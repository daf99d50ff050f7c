import { percentile, SampleWindow } from './sample-window';

describe('SampleWindow', () => {
  it('is empty until a sample arrives', () => {
    expect(new SampleWindow(3).summary()).toBeNull();
  });

  it('keeps only the most recent samples', () => {
    const window = new SampleWindow(3);
    for (const value of [500, 1, 2, 3]) window.add(value);
    expect(window.summary()).toEqual({ count: 3, p50Ms: 2, p99Ms: 3 });
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 99)).toBe(40);
    expect(percentile([7], 50)).toBe(7);
  });
});
