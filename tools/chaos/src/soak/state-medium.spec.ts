import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseStateMedium, type StateMediumProbe } from './state-medium';

const MB = 1024 * 1024;
const probe = (availableMb: number, freeMemoryMb: number): StateMediumProbe => ({
  availableBytes: async () => availableMb * MB,
  freeMemoryBytes: () => freeMemoryMb * MB,
});

describe('chooseStateMedium', () => {
  // 10 minutes at 750 readings/s: (450,000 KB + 500 MB) × 2 ≈ 1,879 MB wanted.
  const tenMinutes = 450_000;

  it('keeps the state in RAM when the RAM filesystem and free memory both have room for the run', async () => {
    const medium = await chooseStateMedium(tenMinutes, probe(12_000, 20_000), '/ram');

    expect(medium.parent).toBe('/ram');
    expect(medium.description).toContain('state in RAM (/ram');
  });

  it('falls back to disk, saying why, when either the filesystem or free memory is short', async () => {
    const smallShm = await chooseStateMedium(tenMinutes, probe(1_000, 20_000), '/ram');
    const lowMemory = await chooseStateMedium(tenMinutes, probe(12_000, 1_500), '/ram');

    expect(smallShm.parent).toBeUndefined();
    expect(smallShm.description).toBe('state on disk (/ram has 1000 MB free, this run wants 1879 MB); expect a wider p99 from disk flushes');
    expect(lowMemory.parent).toBeUndefined();
    expect(lowMemory.description).toContain('/ram has 1500 MB free');
  });

  it('uses disk where there is no RAM filesystem (the real statfs on a missing path)', async () => {
    const missing = join(tmpdir(), 'no-such-ram-filesystem');

    const medium = await chooseStateMedium(1_000, undefined, missing);

    expect(medium).toEqual({ parent: undefined, description: `state on disk (no ${missing} here)` });
  });

  it('measures a real folder with statfs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'state-medium-'));
    try {
      const medium = await chooseStateMedium(1, undefined, folder);
      // The temporary folder has room for ~1 GB on any machine that can run the soak at all.
      expect(medium.parent).toBe(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
