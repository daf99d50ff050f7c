import { heapLimitsFor } from './heap-limits';

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
