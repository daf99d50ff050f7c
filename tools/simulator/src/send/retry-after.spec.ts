import { retryAfterMs } from './retry-after';

describe('retryAfterMs', () => {
  it('reads delta-seconds, HTTP dates, and falls back when absent or unreadable', () => {
    // Prepare
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);

    // Act / Assess
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs('soon', now, 250)).toBe(250);
  });
});
