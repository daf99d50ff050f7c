import { splitEvenly, summarize } from './stats';

describe('summarize', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    // Act
    const stats = summarize([9, 1, 5]);
    // Assess
    expect(stats).toEqual({ median: 5, min: 1, max: 9, runs: 3 });
  });

  it('averages the two middle values of an even count', () => {
    // Act
    const stats = summarize([4, 10, 2, 6]);
    // Assess
    expect(stats).toEqual({ median: 5, min: 2, max: 10, runs: 4 });
  });

  it('summarizes a single run as itself', () => {
    expect(summarize([7.5])).toEqual({ median: 7.5, min: 7.5, max: 7.5, runs: 1 });
  });

  it('refuses no samples and non-finite samples rather than reporting a figure', () => {
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => summarize([1, Number.NaN])).toThrow(/non-finite/);
  });

  it('does not reorder the caller’s samples', () => {
    // Prepare
    const samples = [3, 1, 2];
    // Act
    summarize(samples);
    // Assess
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('splitEvenly', () => {
  it('splits into consecutive groups, the first ones one larger', () => {
    expect(splitEvenly([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
  });

  it('makes no empty group when there are fewer items than parts', () => {
    expect(splitEvenly([1, 2], 5)).toEqual([[1], [2]]);
  });
});
