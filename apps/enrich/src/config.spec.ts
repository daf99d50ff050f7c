import { deviceCacheConfig } from './config';

describe('deviceCacheConfig', () => {
  it('defaults to a 60 s TTL, 10 s for unknown devices and 10 000 entries', () => {
    // Act
    const config = deviceCacheConfig({});

    // Assess
    expect(config).toEqual({ ttlMs: 60_000, negativeTtlMs: 10_000, maxEntries: 10_000 });
  });

  it('reads overrides in seconds', () => {
    // Act
    const config = deviceCacheConfig({
      PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS: '300',
      PULSE_ENRICH_DEVICE_CACHE_NEGATIVE_TTL_SECONDS: '0',
      PULSE_ENRICH_DEVICE_CACHE_MAX_ENTRIES: '500',
    });

    // Assess
    expect(config).toEqual({ ttlMs: 300_000, negativeTtlMs: 0, maxEntries: 500 });
  });

  it.each(['abc', '-1', '1.5', '3601'])('fails at cold start on TTL %p instead of silently misbehaving', (value) => {
    // Act + Assess
    expect(() => deviceCacheConfig({ PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS: value })).toThrow(/PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS/);
  });
});
