import { manualClock } from '@pulse/service-kit/testing';
import { createFleetRateLimiter } from './fleet-rate-limiter';

describe('createFleetRateLimiter', () => {
  it('allows the burst, then refuses with a Retry-After, then refills at the rate', () => {
    // Prepare
    const clock = manualClock();
    const limiter = createFleetRateLimiter({ ratePerSecond: 2, burst: 3 }, clock);
    // Act
    const burst = [1, 2, 3].map(() => limiter.take('city-a').ok);
    const refused = limiter.take('city-a');
    clock.advance(500);
    const refilled = limiter.take('city-a');
    // Assess
    expect(burst).toEqual([true, true, true]);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(refilled.ok).toBe(true);
  });

  it('keeps one bucket per fleet', () => {
    // Prepare
    const limiter = createFleetRateLimiter({ ratePerSecond: 1, burst: 1 }, manualClock());
    // Act
    const first = limiter.take('city-a');
    const other = limiter.take('city-b');
    const again = limiter.take('city-a');
    // Assess
    expect([first.ok, other.ok, again.ok]).toEqual([true, true, false]);
  });

  it('forgets the least recently seen fleet beyond maxFleets', () => {
    // Prepare
    const limiter = createFleetRateLimiter({ ratePerSecond: 0.001, burst: 1 }, manualClock(), 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // evicts a
    // Act / Assess: a starts with a full bucket again, b is still empty
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('c').ok).toBe(false);
  });
});
