import { p99DuringWarmup, soakGoals, type SoakWindow } from './soak-goals';

function window(index: number, rssMb: number, p99Ms: number): SoakWindow {
  return { index, atSeconds: index * 60, rssMb, heapUsedMb: 50, acknowledged: 100, stored: 100, p50Ms: p99Ms / 4, p99Ms, backlog: 0, deadLettered: 0, loadAverage: 1.5 };
}

describe('soakGoals', () => {
  it('meets every goal on a steady run', () => {
    const goals = soakGoals([window(1, 400, 9_000), window(2, 410, 120), window(3, 420, 150), window(4, 430, 230)], 1, 0);

    expect(goals.map((g) => [g.name, g.ok])).toEqual([
      ['RSS growth after warm-up < 10 %', true],
      ['p99 within 2× its first window after warm-up', true],
      ['no DLQ entries', true],
    ]);
    expect(goals[0].detail).toBe('400 MB after window 1 → 430 MB after window 4 (7.5 %)');
  });

  it('measures RSS growth from the end of warm-up, not from the start', () => {
    const goals = soakGoals([window(1, 300, 100), window(2, 400, 100), window(3, 430, 100)], 2, 0);

    expect(goals[0]).toMatchObject({ ok: true, detail: '400 MB after window 2 → 430 MB after window 3 (7.5 %)' });
  });

  it('misses on 10 % RSS growth, a p99 over twice the first after warm-up, or any dead letter', () => {
    const goals = soakGoals([window(1, 400, 50), window(2, 400, 100), window(3, 440, 201)], 1, 3);

    expect(goals.map((g) => g.ok)).toEqual([false, false, false]);
    expect(goals[1].detail).toBe('window 2 100 ms, worst 201 ms (window 3, 2.01×, load average 1.5)');
    expect(goals[2].detail).toBe('3 dead-letter message(s)');
  });

  it('says what it could not measure instead of passing it silently', () => {
    const goals = soakGoals([window(1, 400, 100)], 1, 0);

    expect(goals[0].detail).toMatch(/^not measured/);
    expect(goals[1].detail).toMatch(/^not measured/);
  });

  it("shows the warm-up windows' p99 (cold starts) beside the goals", () => {
    const windows = [window(1, 400, 9_000), window(2, 400, 100), window(3, 400, 250)];

    expect(p99DuringWarmup(windows, 1)).toBe('p99 during warm-up (cold starts): window 1 9000 ms');
    expect(p99DuringWarmup(windows, 0)).toBeUndefined();
  });
});
