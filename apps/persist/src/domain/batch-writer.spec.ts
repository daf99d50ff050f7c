import { UnprocessedItemsError, writeInBatches } from './batch-writer';

const noSleep = { sleep: async () => undefined, random: () => 0.5 };

describe('writeInBatches', () => {
  it('sends at most 25 items per call', async () => {
    // Prepare
    const sizes: number[] = [];
    const items = Array.from({ length: 60 }, (_, i) => i);

    // Act
    const stats = await writeInBatches(items, async (chunk) => (sizes.push(chunk.length), []), noSleep);

    // Assess
    expect(sizes).toEqual([25, 25, 10]);
    expect(stats).toEqual({ items: 60, calls: 3, attempts: 1, retried: 0 });
  });

  it('retries unprocessed items, re-packed, with growing full-jitter delays', async () => {
    // Prepare
    const sent: number[][] = [];
    const delays: number[] = [];
    const unprocessedOnce = new Set([3, 4, 30]);
    const send = async (chunk: readonly number[]) => {
      sent.push([...chunk]);
      const left = chunk.filter((i) => unprocessedOnce.has(i));
      left.forEach((i) => unprocessedOnce.delete(i));
      return left;
    };

    // Act
    const stats = await writeInBatches(Array.from({ length: 40 }, (_, i) => i), send, {
      sleep: async (ms) => void delays.push(ms),
      random: () => 0.999,
      baseDelayMs: 100,
    });

    // Assess
    expect(sent.slice(2)).toEqual([[3, 4, 30]]);
    expect(stats).toEqual({ items: 40, calls: 3, attempts: 2, retried: 3 });
    expect(delays).toEqual([99]);
  });

  it('throws, naming what is left, when items stay unprocessed after the last attempt', async () => {
    // Prepare
    const delays: number[] = [];
    const send = async (chunk: readonly number[]) => chunk.slice(0, 2);

    // Act
    const outcome = writeInBatches([1, 2, 3], send, { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.999, sleep: async (ms) => void delays.push(ms) });

    // Assess
    await expect(outcome).rejects.toThrow(UnprocessedItemsError);
    await expect(outcome).rejects.toMatchObject({ unprocessed: 2, attempts: 4 });
    expect(delays).toEqual([99, 199, 299]);
  });

  it('lets an error of a call propagate (the SDK already retried it)', async () => {
    // Act
    const outcome = writeInBatches([1], async () => {
      throw new Error('ProvisionedThroughputExceededException');
    }, noSleep);

    // Assess
    await expect(outcome).rejects.toThrow('ProvisionedThroughputExceededException');
  });

  it('makes no call for no items', async () => {
    // Prepare
    const send = jest.fn(async () => []);

    // Act
    const stats = await writeInBatches([], send, noSleep);

    // Assess
    expect(send).not.toHaveBeenCalled();
    expect(stats.calls).toBe(0);
  });
});
