import { endToEndLatencyMs } from './end-to-end-latency';

describe('endToEndLatencyMs', () => {
  it('is storedAt − receivedAt', () => {
    // Act / Assess
    expect(endToEndLatencyMs({ receivedAt: 1_000, storedAt: 1_750 })).toBe(750);
  });

  it('counts a stored-before-received difference (clock skew between hosts) as zero', () => {
    // Act / Assess
    expect(endToEndLatencyMs({ receivedAt: 1_000, storedAt: 990 })).toBe(0);
  });
});
