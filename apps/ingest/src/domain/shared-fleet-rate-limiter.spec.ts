import { manualClock } from '@pulse/service-kit/testing';
import { memoryRateState } from '../testing/fakes';
import { createFleetRateLimiter, type RateLimit } from './fleet-rate-limiter';
import { createSharedFleetRateLimiter } from './shared-fleet-rate-limiter';

const LIMIT: RateLimit = { ratePerSecond: 2, burst: 3 };

function containers(count: number, limit = LIMIT) {
  const clock = manualClock(Date.UTC(2026, 0, 1));
  const store = memoryRateState();
  const failures: { fleetId: string; error: unknown }[] = [];
  const limiters = Array.from({ length: count }, () =>
    createSharedFleetRateLimiter(limit, {
      store,
      clock,
      fallback: createFleetRateLimiter(limit, clock),
      onStoreFailure: (fleetId, error) => failures.push({ fleetId, error }),
    }),
  );
  return { clock, store, failures, limiters };
}

describe('createSharedFleetRateLimiter', () => {
  it('shares one bucket per fleet between containers: the burst is the fleet’s, not each container’s', async () => {
    // Prepare
    const { limiters: [a, b], failures } = containers(2);
    // Act
    const taken = [await a.take('city-a'), await b.take('city-a'), await a.take('city-a')].map((d) => d.ok);
    const refused = [await b.take('city-a'), await a.take('city-a')];
    const otherFleet = await b.take('city-b');
    // Assess
    expect(taken).toEqual([true, true, true]);
    expect(refused).toEqual([{ ok: false, retryAfterSeconds: 1 }, { ok: false, retryAfterSeconds: 1 }]);
    expect(otherFleet.ok).toBe(true);
    expect(failures).toEqual([]);
  });

  it('admits with one conditional write when this container saw the latest state, two when another restarted it first', async () => {
    // Prepare
    const { limiters: [a, b], store } = containers(2);
    // Act
    await a.take('city-a'); // full bucket: restart
    await a.take('city-a'); // a knows tat ≥ now: advance
    await b.take('city-a'); // b has seen nothing: restart refused, then advance
    // Assess
    expect(store.writes).toEqual(['restart city-a', 'advance city-a', 'restart city-a', 'advance city-a']);
  });

  it('refuses without a call once it has seen the fleet over its rate, with Retry-After to the next token', async () => {
    // Prepare: a token every 10 s, burst 1
    const { limiters: [a], store, clock } = containers(1, { ratePerSecond: 0.1, burst: 1 });
    await a.take('city-a');
    const writes = store.writes.length;
    // Act
    clock.advance(3_000);
    const refused = await a.take('city-a');
    clock.advance(7_000);
    const again = await a.take('city-a');
    // Assess
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 7 });
    expect(store.writes.length).toBe(writes + 1);
    expect(again.ok).toBe(true);
  });

  it('refills at the rate shared by all containers', async () => {
    // Prepare: three containers empty the bucket together
    const { limiters, clock } = containers(3);
    await Promise.all(limiters.map((l) => l.take('city-a')));
    // Act: 1.2 s at 2/s refills 2 tokens, wherever the requests land
    clock.advance(1_200);
    const decisions = [];
    for (const limiter of [...limiters, ...limiters]) decisions.push((await limiter.take('city-a')).ok);
    // Assess
    expect(decisions.filter(Boolean)).toHaveLength(2);
  });

  it('fails open to the container’s own bucket when the store fails, and says so each time', async () => {
    // Prepare
    const { limiters: [a], store, failures } = containers(1);
    store.failing = true;
    // Act: the fallback bucket admits its burst (3), then refuses
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await a.take('city-a'));
    // Assess
    expect(decisions.map((d) => d.ok)).toEqual([true, true, true, false]);
    expect(failures).toHaveLength(4);
    expect(failures[0]).toEqual({ fleetId: 'city-a', error: expect.objectContaining({ name: 'ThrottlingException' }) });
  });

  it('when the shared state vanished under it, fails open once, then starts over from the store', async () => {
    // Prepare
    const { limiters: [a], store, failures } = containers(1);
    await a.take('city-a');
    store.tats.clear(); // as an operator deleting the item would
    // Act
    const lost = await a.take('city-a');
    const next = await a.take('city-a');
    // Assess
    expect([lost.ok, next.ok]).toEqual([true, true]);
    expect(failures).toHaveLength(1);
    expect(store.tats.get('city-a')).toBeDefined();
  });
});
