import { manualClock } from '@pulse/service-kit/testing';
import { fakeOwnership } from '../testing/fakes';
import { cachedOwnership } from './ownership-cache';

describe('cachedOwnership', () => {
  it('asks only for devices it does not know, until their entries expire', async () => {
    // Prepare
    const clock = manualClock();
    const inner = fakeOwnership({ 'city-a': ['s1', 's2'] });
    const cache = cachedOwnership(inner, clock, { ttlMs: 60_000, negativeTtlMs: 5_000, maxEntries: 100 });
    // Act
    const first = await cache.ownedDevices('city-a', ['s1', 'x9']);
    const second = await cache.ownedDevices('city-a', ['s1', 's2', 'x9']);
    clock.advance(6_000);
    await cache.ownedDevices('city-a', ['s1', 'x9']);
    // Assess
    expect([...first]).toEqual(['s1']);
    expect([...second].sort()).toEqual(['s1', 's2']);
    expect(inner.lookups).toEqual([['s1', 'x9'], ['s2'], ['x9']]);
  });

  it('keeps fleets apart and stays within maxEntries', async () => {
    // Prepare
    const inner = fakeOwnership({ 'city-a': ['s1'] });
    const cache = cachedOwnership(inner, manualClock(), { ttlMs: 60_000, negativeTtlMs: 60_000, maxEntries: 1 });
    // Act
    const a = await cache.ownedDevices('city-a', ['s1']);
    const b = await cache.ownedDevices('city-b', ['s1']);
    await cache.ownedDevices('city-a', ['s1']);
    // Assess
    expect([a.has('s1'), b.has('s1')]).toEqual([true, false]);
    expect(inner.lookups).toHaveLength(3); // city-a's entry was evicted by city-b's
  });
});
