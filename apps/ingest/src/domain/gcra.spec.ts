import { admissionCeiling, emissionIntervalMs, gcraTake, retryAfterSeconds } from './gcra';

const NOW = Date.UTC(2026, 0, 1);

describe('GCRA arithmetic', () => {
  it('admits exactly the burst from a full bucket, each take one interval later', () => {
    // Prepare
    const limit = { ratePerSecond: 2, burst: 3 };
    let tat: number | undefined;
    // Act
    const takes = Array.from({ length: 4 }, () => {
      const take = gcraTake(limit, tat, NOW);
      if (take.ok) tat = take.tat;
      return take;
    });
    // Assess
    expect(takes).toEqual([
      { ok: true, tat: NOW + 500 },
      { ok: true, tat: NOW + 1000 },
      { ok: true, tat: NOW + 1500 },
      { ok: false, retryAfterSeconds: 1 },
    ]);
  });

  it('treats a tat in the past as a full bucket (idle time does not bank beyond the burst)', () => {
    // Act
    const take = gcraTake({ ratePerSecond: 1, burst: 5 }, NOW - 3_600_000, NOW);
    // Assess
    expect(take).toEqual({ ok: true, tat: NOW + 1000 });
  });

  it('refills one token per interval: refused, then admitted once the interval has passed', () => {
    // Prepare: rate 2/s, burst 3, bucket empty (tat 1.5 s ahead)
    const limit = { ratePerSecond: 2, burst: 3 };
    const tat = NOW + 1500;
    // Act
    const early = gcraTake(limit, tat, NOW + 499);
    const onTime = gcraTake(limit, tat, NOW + 500);
    // Assess
    expect(early.ok).toBe(false);
    expect(onTime).toEqual({ ok: true, tat: NOW + 2000 });
  });

  it('Retry-After is the whole seconds until one token is back, at least 1', () => {
    // Prepare: 0.1/s (a token every 10 s), burst 2, two taken → the next token in 10 s
    const limit = { ratePerSecond: 0.1, burst: 2 };
    // Act / Assess
    expect(gcraTake(limit, NOW + 20_000, NOW)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(gcraTake(limit, NOW + 20_000, NOW + 2_500)).toEqual({ ok: false, retryAfterSeconds: 8 });
    expect(retryAfterSeconds(limit, NOW + 10_000.5, NOW)).toBe(1);
  });

  it('fractional intervals: a third of a second each, no take lost to rounding at the ceiling', () => {
    // Prepare
    const limit = { ratePerSecond: 3, burst: 7 };
    let tat: number | undefined;
    let admitted = 0;
    // Act
    for (let i = 0; i < 20; i++) {
      const take = gcraTake(limit, tat, NOW);
      if (take.ok) [tat, admitted] = [take.tat, admitted + 1];
    }
    // Assess
    expect(admitted).toBe(7);
    expect(emissionIntervalMs(limit)).toBeCloseTo(333.333, 3);
    expect(admissionCeiling(limit, NOW)).toBeCloseTo(NOW + 2000, 2);
  });
});
