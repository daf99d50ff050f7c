import type { ReadingTimes } from '../world/pipeline-observer';
import { LatencySet } from './e2e-latency-set';

const times = (overrides: Partial<ReadingTimes> = {}): ReadingTimes => ({
  sentAt: 0,
  ackAt: 12,
  acceptedAt: 2,
  received: 10,
  normalized: 20,
  enriched: 30,
  stored: 45,
  ...overrides,
});

describe('LatencySet', () => {
  it('records accept → stored, the HTTP round trip and each hop of a reading', () => {
    const set = new LatencySet();

    set.reading(times());
    const summary = set.summary();

    // HDR histograms keep 3 significant digits
    expect(summary['accept-to-stored'].count).toBe(1);
    expect(summary['accept-to-stored'].p50Ms).toBeCloseTo(43, 0);
    expect(summary['http-202'].p50Ms).toBeCloseTo(12, 0);
    expect([summary.ingest.p50Ms, summary.transform.p50Ms, summary.enrich.p50Ms, summary.persist.p50Ms].map(Math.round)).toEqual([8, 10, 10, 15]);
    expect(summary['exceedance-to-alert'].count).toBe(0);
  });

  it('leaves a reading missing a stamp out of that latency, so its sample count shows it', () => {
    const set = new LatencySet();

    set.reading(times());
    set.reading(times({ stored: NaN, ackAt: NaN }));
    const summary = set.summary();

    expect(summary['accept-to-stored'].count).toBe(1);
    expect(summary['http-202'].count).toBe(1);
    expect(summary.enrich.count).toBe(2);
  });

  it("records a probe's accept → AlertRaised and the alert hop, not a probe whose alert never came", () => {
    const set = new LatencySet();

    set.probe(times(), 80);
    set.probe(times(), NaN);
    const summary = set.summary();

    expect(summary['exceedance-to-alert'].count).toBe(1);
    expect(summary['exceedance-to-alert'].p50Ms).toBeCloseTo(78, 0);
    expect(summary.alert.count).toBe(1);
    expect(summary.alert.p50Ms).toBeCloseTo(50, 0);
  });
});
