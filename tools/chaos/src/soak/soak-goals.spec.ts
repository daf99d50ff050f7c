import { p99AfterWarmup, soakGoals, type SoakWindow } from './soak-goals';

function window(index: number, rssMb: number, p99Ms: number): SoakWindow {
  return { index, atSeconds: index * 60, rssMb, heapUsedMb: 50, acknowledged: 100, stored: 100, p50Ms: p99Ms / 4, p99Ms, backlog: 0, deadLettered: 0, loadAverage: 1.5 };
}

describe('soakGoals', () => {
  it('meets every goal on a steady run', () => {
    const goals = soakGoals([window(1, 400, 100), window(2, 410, 120), window(3, 420, 150), window(4, 430, 190)], 1, 0);

    expect(goals.map((g) => [g.name, g.ok])).toEqual([
      ['RSS growth after warm-up < 10 %', true],
      ['p99 within 2× its first window', true],
      ['no DLQ entries', true],
    ]);
    expect(goals[0].detail).toBe('400 MB after window 1 → 430 MB after window 4 (7.5 %)');
  });

  it('measures RSS growth from the end of warm-up, not from the start', () => {
    const goals = soakGoals([window(1, 300, 100), window(2, 400, 100), window(3, 430, 100)], 2, 0);

    expect(goals[0]).toMatchObject({ ok: true, detail: '400 MB after window 2 → 430 MB after window 3 (7.5 %)' });
  });

  it('misses on 10 % RSS growth, a p99 over twice the first, or any dead letter', () => {
    const goals = soakGoals([window(1, 400, 100), window(2, 400, 150), window(3, 440, 201)], 1, 3);

    expect(goals.map((g) => g.ok)).toEqual([false, false, false]);
    expect(goals[1].detail).toBe('first 100 ms, worst 201 ms (window 3, 2.01×)');
    expect(goals[2].detail).toBe('3 dead-letter message(s)');
  });

  it('says what it could not measure instead of passing it silently', () => {
    const goals = soakGoals([window(1, 400, 100)], 1, 0);

    expect(goals[0].detail).toMatch(/^not measured/);
    expect(goals[1].detail).toMatch(/^not measured/);
  });

  it('also compares p99 with the first window after warm-up, for information', () => {
    const windows = [window(1, 400, 9_000), window(2, 400, 100), window(3, 400, 250), window(4, 400, 120)];

    expect(p99AfterWarmup(windows, 1)).toBe('p99 after warm-up: window 2 100 ms, worst 250 ms (window 3, 2.50×, load average 1.5)');
    expect(p99AfterWarmup(windows.slice(0, 2), 1)).toBeUndefined();
  });
});
