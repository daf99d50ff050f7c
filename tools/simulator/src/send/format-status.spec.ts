import { formatStatus } from './format-status';
import { emptyCounts } from './send-counts';

describe('formatStatus', () => {
  it('shows sent, accepted, rejected by rule (most first) and 429s', () => {
    // Prepare
    const status = {
      ...emptyCounts(),
      sent: 1000,
      accepted: 960,
      rejected: 40,
      rejectedByRule: { ownership: 30, maximum: 10 },
      throttled: 2,
      simulatedMs: Date.UTC(2026, 5, 1, 12, 30),
      ticks: 3,
      elapsedMs: 5000,
    };

    // Act
    const line = formatStatus(status);

    // Assess
    expect(line).toBe('sim 2026-06-01T12:30Z | sent 1000 (200/s) | accepted 960 | rejected 40 (ownership 30, maximum 10) | 429s 2 | 503s 0 | failed 0');
  });
});
