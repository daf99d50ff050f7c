import { PipelineObserver } from './pipeline-observer';

const event = (detailType: string, data: Record<string, unknown>) => ({ 'detail-type': detailType, detail: { metadata: { version: 1 }, data } });
const readings = (...ids: string[]) => ids.map((readingId) => ({ readingId }));

describe('PipelineObserver', () => {
  it('stamps each tracked reading at the first arrival of every stage, matched by readingId', () => {
    // Prepare: a clock the test moves by hand
    let now = 1_000;
    const observer = new PipelineObserver(() => now);
    observer.track(['d-1@1', 'd-2@1'], 990);

    // Act: ReadingsReceived reaches the bus before the client sees the 202
    now = 1_010;
    observer.observe(event('ReadingsReceived', { receivedAt: 1_002, readings: readings('d-1@1', 'd-2@1') }));
    now = 1_012;
    observer.acknowledge(['d-1@1', 'd-2@1'], now);
    now = 1_020;
    observer.observe(event('ReadingsNormalized', { readings: readings('d-1@1') }));
    observer.observe(event('ReadingsNormalized', { readings: readings('d-2@1') }));
    now = 1_030;
    observer.observe(event('ReadingsEnriched', { readings: readings('d-1@1', 'd-2@1') }));
    now = 1_045;
    observer.observe(event('ReadingsStored', { readingIds: ['d-1@1', 'd-2@1'] }));
    now = 1_900;
    // A retried delivery republishes: the first arrival stands
    observer.observe(event('ReadingsStored', { readingIds: ['d-1@1'] }));

    // Assess
    expect(observer.times('d-1@1')).toEqual({ sentAt: 990, ackAt: 1_012, acceptedAt: 1_002, received: 1_010, normalized: 1_020, enriched: 1_030, stored: 1_045 });
    expect(observer.counts()).toEqual({ tracked: 2, accepted: 2, stored: 2 });
  });

  it('ignores readings it does not track and events that are not on the reading path', () => {
    const observer = new PipelineObserver(() => 5);
    observer.track(['d-1@1'], 0);

    observer.observe(event('ReadingsStored', { readingIds: ['other@1'] }));
    observer.observe(event('DeviceRegistered', { deviceId: 'd-1' }));
    observer.observe({ 'detail-type': 'ReadingsStored', detail: 'not an object' });

    expect(observer.counts()).toEqual({ tracked: 1, accepted: 0, stored: 0 });
    expect(observer.times('d-1@1')?.stored).toBeNaN();
  });

  it('records the first AlertRaised of each watched zone only', () => {
    let now = 100;
    const observer = new PipelineObserver(() => now);
    observer.trackAlertZone('probe-zone-1');

    observer.observe(event('AlertRaised', { zoneId: 'zone-01' }));
    now = 150;
    observer.observe(event('AlertRaised', { zoneId: 'probe-zone-1' }));
    now = 900;
    observer.observe(event('AlertRaised', { zoneId: 'probe-zone-1' }));

    expect(observer.alertRaisedAt('probe-zone-1')).toBe(150);
    expect(observer.alertRaisedAt('zone-01')).toBeNaN();
  });

  it('refuses to track a reading twice, since every bench reading must be new', () => {
    const observer = new PipelineObserver();
    observer.track(['d-1@1'], 0);

    expect(() => observer.track(['d-1@1'], 1)).toThrow(/tracked twice/);
    observer.clear();
    expect(() => observer.track(['d-1@1'], 1)).not.toThrow();
  });
});
