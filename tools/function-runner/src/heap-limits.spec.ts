import { heapLimitsFor } from './heap-limits';
import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { fixtureBundles, type FixtureBundles } from './test-support/fixture-bundles';

describe('heapLimitsFor', () => {
  it('scales the young generation with the declared memory as V8 scales it with a machine', () => {
    expect(heapLimitsFor(128)).toEqual({ maxYoungGenerationSizeMb: 3 });
    expect(heapLimitsFor(256)).toEqual({ maxYoungGenerationSizeMb: 3 });
    expect(heapLimitsFor(512).maxYoungGenerationSizeMb).toBe(6);
    expect(heapLimitsFor(1024).maxYoungGenerationSizeMb).toBe(12);
    expect(heapLimitsFor(1769).maxYoungGenerationSizeMb).toBe(24);
    expect(heapLimitsFor(10_240).maxYoungGenerationSizeMb).toBe(48);
  });
});

describe('an execution environment’s heap', () => {
  let bundles: FixtureBundles;
  let runner: FunctionRunner | undefined;

  beforeEach(() => {
    bundles = fixtureBundles();
  });

  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    bundles.remove();
  });

  it('has the young generation of the function’s declared memory, not of this machine', async () => {
    // Prepare: the fixture functions are declared with 128 MB. Objects that survive a scavenge or
    // two make V8 grow the new space (two semi-spaces) up to its limit: 32 MB on a large machine.
    const spec = bundles.add(
      'heap',
      `exports.handler = async () => {
        const ring = new Array(200000);
        for (let i = 0; i < 3000000; i++) ring[i % ring.length] = { i, s: 'x' + i };
        return require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
      };`,
    );
    runner = createFunctionRunner({ functions: [spec], onLog: () => undefined });

    // Act
    const outcome = await runner.invoke('heap', {}, { mode: 'sync' });

    // Assess
    const semiSpaceMb = heapLimitsFor(spec.memoryMb).maxYoungGenerationSizeMb / 3;
    expect(outcome.ok && outcome.result).toBeGreaterThan(0);
    expect(outcome.ok && outcome.result).toBeLessThanOrEqual(2 * semiSpaceMb);
  });
});
