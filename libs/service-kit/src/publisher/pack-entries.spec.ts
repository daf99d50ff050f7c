import { MAX_CALL_BYTES } from './entry-size';
import { packEntries } from './pack-entries';

const sized = (size: number, id = 0) => ({ size, id });

describe('packEntries', () => {
  it('puts at most 10 entries in a call', () => {
    // Prepare
    const entries = Array.from({ length: 23 }, (_, i) => sized(100, i));

    // Act
    const calls = packEntries(entries);

    // Assess
    expect(calls.map((c) => c.length)).toEqual([10, 10, 3]);
    expect(calls.flat().map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  it('starts a new call rather than exceed 256 KB, and allows exactly 256 KB', () => {
    // Prepare
    const entries = [sized(100_000), sized(100_000), sized(62_144), sized(1)];

    // Act
    const calls = packEntries(entries);

    // Assess
    expect(calls.map((c) => c.reduce((sum, e) => sum + e.size, 0))).toEqual([MAX_CALL_BYTES, 1]);
  });

  it('refuses an entry that cannot fit in any call', () => {
    // Act / Assess
    expect(() => packEntries([sized(MAX_CALL_BYTES + 1)])).toThrow(RangeError);
  });
});
