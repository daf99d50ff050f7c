import { readInBatches, UnprocessedKeysError } from './batch-reader';

const noSleep = { sleep: async () => undefined, random: () => 0.5 };
/** A store where key k holds item `item-k`, except keys listed as missing. */
const lookup = (keys: readonly number[], missing = new Set<number>()) => keys.filter((k) => !missing.has(k)).map((k) => `item-${k}`);

describe('readInBatches', () => {
  it('asks for at most 100 keys per call, all calls of a round in parallel', async () => {
    // Prepare
    const sizes: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const send = async (keys: readonly number[]) => {
      sizes.push(keys.length);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await Promise.resolve();
      inFlight -= 1;
      return { items: lookup(keys), unprocessed: [] };
    };

    // Act
    const items = await readInBatches(Array.from({ length: 250 }, (_, i) => i), send, noSleep);

    // Assess
    expect(sizes).toEqual([100, 100, 50]);
    expect(maxInFlight).toBe(3);
    expect(items).toHaveLength(250);
  });

  it('retries unprocessed keys, re-packed, after a full-jitter delay, and leaves out keys with no item', async () => {
    // Prepare
    const sent: number[][] = [];
    const delays: number[] = [];
    const unprocessedOnce = new Set([3, 150]);
    const send = async (keys: readonly number[]) => {
      sent.push([...keys]);
      const left = keys.filter((k) => unprocessedOnce.has(k));
      left.forEach((k) => unprocessedOnce.delete(k));
      return { items: lookup(keys.filter((k) => !left.includes(k)), new Set([7])), unprocessed: left };
    };

    // Act
    const items = await readInBatches(Array.from({ length: 160 }, (_, i) => i), send, { sleep: async (ms) => void delays.push(ms), random: () => 0.999, baseDelayMs: 100 });

    // Assess
    expect(sent.slice(2)).toEqual([[3, 150]]);
    expect(delays).toEqual([99]);
    expect(items).toHaveLength(159);
    expect(items).toEqual(expect.arrayContaining(['item-3', 'item-150']));
    expect(items).not.toContain('item-7');
  });

  it('throws, naming what is left, when keys stay unprocessed after the last attempt', async () => {
    // Prepare
    let calls = 0;
    const send = async (keys: readonly number[]) => (calls++, { items: lookup(keys.slice(1)), unprocessed: keys.slice(0, 1) });

    // Act
    const outcome = readInBatches([1, 2, 3], send, { ...noSleep, maxAttempts: 3 });

    // Assess
    await expect(outcome).rejects.toEqual(new UnprocessedKeysError(1, 3));
    await expect(outcome).rejects.toThrow('1 key(s) still unprocessed after 3 BatchGetItem attempts');
    expect(calls).toBe(3);
  });

  it('makes no call for no keys', async () => {
    // Prepare
    const send = jest.fn();

    // Act / Assess
    expect(await readInBatches([], send)).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });
});
