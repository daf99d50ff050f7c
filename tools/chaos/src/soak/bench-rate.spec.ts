import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SOAK_RATE, soakRateFromBench } from './bench-rate';

describe('soakRateFromBench', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'soak-rate-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, steps: unknown[], quick = false) => writeFileSync(join(dir, name), JSON.stringify({ schema: 'pulse-bench/1', quick, steps }));
  const figure = (name: string, unit: string, median: number) => ({ name, unit, stats: { median, min: median, max: median, runs: 3 } });

  it('takes half the maximum from the newest result that has an ok e2e-throughput step', async () => {
    write('2026-11-20T10-00-00-000Z.json', [{ id: 'e2e-throughput', status: 'ok', figures: [figure('max-sustained', 'readings/s', 900)] }]);
    write('2026-11-21T10-00-00-000Z.json', [
      { id: 'e2e-throughput', status: 'ok', figures: [figure('accepted', 'readings/s', 2_000), figure('max-sustained', 'readings/s', 1_200), figure('p99', 'ms', 80)] },
    ]);
    write('2026-11-22T10-00-00-000Z.json', [{ id: 'e2e-throughput', status: 'failed', figures: [] }, { id: 'ceiling', status: 'ok', figures: [] }]);

    const rate = await soakRateFromBench(dir);

    expect(rate).toEqual({ rate: 600, source: '50 % of 1200 readings/s (e2e-throughput in bench/results/2026-11-21T10-00-00-000Z.json)' });
  });

  it('prefers a full bench run to a newer --quick one, and takes a quick one when it is all there is', async () => {
    write('2026-11-21T10-00-00-000Z.json', [{ id: 'e2e-throughput', status: 'ok', figures: [figure('sustained-readings-per-second', 'readings/s', 1_000)] }]);
    write('2026-11-22T10-00-00-000Z.json', [{ id: 'e2e-throughput', status: 'ok', figures: [figure('sustained-readings-per-second', 'readings/s', 250)] }], true);

    expect((await soakRateFromBench(dir)).rate).toBe(500);
    rmSync(join(dir, '2026-11-21T10-00-00-000Z.json'));
    expect((await soakRateFromBench(dir)).rate).toBe(125);
  });

  it('falls back to the largest readings/s figure when none is named a maximum', async () => {
    write('a.json', [{ id: 'e2e-throughput', status: 'ok', figures: [figure('at-500', 'readings/s', 480), figure('at-1000', 'readings/s', 950)] }]);

    expect((await soakRateFromBench(dir)).rate).toBe(475);
  });

  it('uses the default without a usable result (or without the folder)', async () => {
    write('broken.json', [{ id: 'ceiling', status: 'ok', figures: [figure('items-per-second', 'items/s', 4_000)] }]);
    writeFileSync(join(dir, 'torn.json'), '{"steps": [');

    expect((await soakRateFromBench(dir)).rate).toBe(DEFAULT_SOAK_RATE);
    expect((await soakRateFromBench(join(dir, 'absent'))).rate).toBe(DEFAULT_SOAK_RATE);
  });
});
