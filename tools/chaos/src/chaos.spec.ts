import { runChaos, formatChaosResult } from './chaos';
import { QUICK_CHAOS_BATCH, QUICK_CHAOS_FAULTS, QUICK_CHAOS_READINGS } from './chaos-defaults';

describe('the quick chaos drill', () => {
  it('loses and doubles nothing through 20 % faults in every function, a dynalite restart and a bus kill; a redrive stores everything', async () => {
    // Act
    const result = await runChaos({ readings: QUICK_CHAOS_READINGS, faults: QUICK_CHAOS_FAULTS, batchSize: QUICK_CHAOS_BATCH, log: () => undefined });

    // Assess: the faults really happened…
    expect(result.send.acknowledged).toBe(QUICK_CHAOS_READINGS);
    const path = ['receive-readings', 'normalize-readings', 'enrich-readings', 'store-readings', 'evaluate-readings'].map((fn) => result.injected[fn]);
    // ~50 invocations per function at 15 % errors and 5 % throttles: these bounds fail by chance about once in 300,000 runs
    expect(path.reduce((sum, fn) => sum + fn.error, 0)).toBeGreaterThanOrEqual(10);
    expect(path.reduce((sum, fn) => sum + fn.throttle, 0)).toBeGreaterThan(0);
    expect(result.deliveries.retries).toBeGreaterThan(0);
    expect(result.dynamodbRestart).toEqual(expect.objectContaining({ downMs: 2_000 }));
    // The kill waits for a delivery at its target, whose outcome is then never acknowledged: the next life redelivers it
    expect(result.busRestart).toEqual(expect.objectContaining({ downMs: 1_000 }));
    expect(result.busRestart!.inFlightAtKill).toBeGreaterThan(0);
    expect(result.busRestart!.recovered).toBeGreaterThan(0);
    // …and the books balance before the redrive (every failure stored or dead-lettered with a reason) and after it
    expect(result.problems).toEqual([]);
    expect(result.beforeRedrive).toMatchObject({ acknowledged: QUICK_CHAOS_READINGS, missing: 0, duplicated: 0 });
    expect(result.beforeRedrive.stored + result.beforeRedrive.deadLettered).toBe(QUICK_CHAOS_READINGS);
    expect(result.afterRedrive).toMatchObject({ acknowledged: QUICK_CHAOS_READINGS, stored: QUICK_CHAOS_READINGS, deadLettered: 0, missing: 0, duplicated: 0 });
    expect(result.ok).toBe(true);
    expect(formatChaosResult(result)).toMatch(/^PASS: 0 missing, 0 duplicated/m);
  }, 180_000);
});
