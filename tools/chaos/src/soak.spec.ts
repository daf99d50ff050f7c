import { formatSoakResult, runSoak } from './soak';

describe('the quick soak', () => {
  it('under steady load for half a minute, stores every acknowledged reading and dead-letters none', async () => {
    // Act
    const result = await runSoak({ minutes: 0.5, windowSeconds: 10, rate: 100, log: () => undefined });

    // Assess: nothing lost, nothing dead-lettered (speed and memory are the full soak's business, not asserted)
    expect(result.send).toMatchObject({ acknowledged: 3_000, rejected: 0, gaveUp: 0 });
    expect(result.reconcile).toMatchObject({ acknowledged: 3_000, stored: 3_000, missing: 0, duplicated: 0, deadLettered: 0, deadLetterMessages: 0 });
    expect(result.windows.length).toBeGreaterThanOrEqual(2);
    expect(result.windows.reduce((sum, w) => sum + w.acknowledged, 0) + (result.partialWindow?.acknowledged ?? 0)).toBe(3_000);
    expect(formatSoakResult(result)).toContain('no DLQ entries: 0 dead-letter message(s)');
  }, 120_000);
});
