import { manualClock } from '@pulse/service-kit/testing';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('serves an entry until its TTL elapses, then forgets it', () => {
    // Prepare
    const clock = manualClock();
    const cache = new TtlCache<string>({ clock, maxEntries: 10 });
    cache.set('a', 'A', 60_000);

    // Act
    clock.advance(59_999);
    const before = cache.get('a');
    clock.advance(1);
    const after = cache.get('a');

    // Assess
    expect(before).toEqual({ value: 'A' });
    expect(after).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    // Prepare
    const cache = new TtlCache<number>({ clock: manualClock(), maxEntries: 2 });
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.get('a'); // a is now more recent than b

    // Act
    cache.set('c', 3, 1000);

    // Assess
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([{ value: 1 }, undefined, { value: 3 }]);
    expect(cache.size).toBe(2);
  });

  it('caches null (a negative result) as a hit, and a TTL of 0 stores nothing', () => {
    // Prepare
    const cache = new TtlCache<string | null>({ clock: manualClock(), maxEntries: 2 });

    // Act
    cache.set('unknown', null, 1000);
    cache.set('off', 'x', 0);

    // Assess
    expect(cache.get('unknown')).toEqual({ value: null });
    expect(cache.get('off')).toBeUndefined();
  });

  it('rejects a maxEntries that would leave it unbounded or useless', () => {
    // Act + Assess
    expect(() => new TtlCache({ clock: manualClock(), maxEntries: 0 })).toThrow(RangeError);
  });
});
