import { behindReasons, plannedSendSeconds } from './e2e-hold';

const hold = (overrides: { backlogAtEnd?: number; p99?: number; stored?: number; drained?: boolean; sendSeconds?: number; seconds?: number; notAccepted?: number } = {}) => ({
  rate: 1_000,
  sent: 10_000,
  accepted: 10_000,
  stored: overrides.stored ?? 10_000,
  backlogAtEnd: overrides.backlogAtEnd ?? 120,
  drained: overrides.drained ?? true,
  send: { sendSeconds: overrides.sendSeconds ?? 9.96, seconds: overrides.seconds ?? (overrides.sendSeconds ?? 9.96) + 0.08, notAccepted: overrides.notAccepted ?? 0 },
  latency: { 'accept-to-stored': { p99Ms: overrides.p99 ?? 80 } },
});

describe('behindReasons', () => {
  const planned = plannedSendSeconds(200, 50, 1_000);

  it('finds nothing when the pipeline kept up', () => {
    expect(planned).toBeCloseTo(9.95);
    expect(behindReasons(hold(), planned)).toEqual([]);
  });

  it('names each way of falling behind', () => {
    expect(behindReasons(hold({ backlogAtEnd: 1_001 }), planned)).toEqual([expect.stringContaining('1001 readings accepted but not stored')]);
    expect(behindReasons(hold({ p99: 1_200 }), planned)).toEqual([expect.stringContaining('p99 1200 ms')]);
    expect(behindReasons(hold({ stored: 9_990, drained: false }), planned)).toEqual([expect.stringContaining('10 accepted readings not stored')]);
    expect(behindReasons(hold({ sendSeconds: 12 }), planned)).toEqual([expect.stringContaining('took 12.00 s to offer')]);
    expect(behindReasons(hold({ notAccepted: 50 }), planned)).toEqual([expect.stringContaining('50 readings not accepted')]);
    expect(behindReasons(hold({ seconds: 14.3 }), planned)).toEqual([expect.stringContaining('the last 202 came 4.34 s after the last request')]);
  });

  it('allows the answers to trail the last request by up to one second', () => {
    expect(behindReasons(hold({ seconds: 10.96 }), planned)).toEqual([]);
  });

  it('allows a backlog of up to one second of arrivals', () => {
    expect(behindReasons(hold({ backlogAtEnd: 1_000 }), planned)).toEqual([]);
  });
});
