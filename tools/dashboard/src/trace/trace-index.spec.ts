import { AlertRaisedV1, ReadingsEnrichedV1, ReadingsReceivedV1, ReadingsStoredV1 } from '@pulse/schemas';
import { FIVE_SERVICES } from '@pulse/local-bus';
import { buildTrace } from './build-trace';
import { readingIdsOf } from './reading-ids';
import { createRuleExplainer } from './rule-explainer';
import { TraceIndex, type IndexedEvent } from './trace-index';

const entry = (eventId: string, readingIds: string[], json = `{"id":"${eventId}"}`): IndexedEvent => ({ eventId, json, seenAt: 0, readingIds });
const indexed = (event: Record<string, unknown>, seenAt = 0): IndexedEvent => ({ eventId: String(event['id']), json: JSON.stringify(event), seenAt, readingIds: readingIdsOf(event) });

describe('readingIdsOf', () => {
  it('reads readings[].readingId and readingIds[] of the contracts, once each', () => {
    expect(readingIdsOf(ReadingsReceivedV1.sample)).toEqual(['sensor-0042@1714564800000', 'sensor-0043@1714564800500']);
    expect(readingIdsOf(ReadingsStoredV1.sample)).toEqual(['sensor-0042@1714564800000', 'sensor-0043@1714564800500']);
    expect(readingIdsOf(AlertRaisedV1.sample)).toEqual(['sensor-0042@1714564200000', 'sensor-0042@1714564800000']);
    expect(readingIdsOf({ detail: { data: { readings: [{ readingId: 'a@1' }], readingIds: ['a@1', 'b@2'] } } })).toEqual(['a@1', 'b@2']);
  });

  it('finds none in other shapes', () => {
    expect(readingIdsOf({ detail: 'text' })).toEqual([]);
    expect(readingIdsOf({ detail: { data: { readings: 'x', readingIds: [1, null] } } })).toEqual([]);
    expect(readingIdsOf(null)).toEqual([]);
  });
});

describe('TraceIndex', () => {
  it("returns a reading's events in arrival order", () => {
    const index = new TraceIndex();
    index.add(entry('e1', ['r1', 'r2']));
    index.add(entry('e2', ['r2']));
    index.add(entry('e3', ['r1']));

    expect(index.eventsOf('r1').map((e) => e.eventId)).toEqual(['e1', 'e3']);
    expect(index.eventsOf('r2').map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect(index.eventsOf('unknown')).toEqual([]);
  });

  it('evicts the oldest events beyond maxEvents, and forgets readings left with none', () => {
    const index = new TraceIndex({ maxEvents: 2 });
    index.add(entry('e1', ['r1', 'r2']));
    index.add(entry('e2', ['r2']));
    index.add(entry('e3', ['r3']));

    expect(index.size).toBe(2);
    expect(index.eventsOf('r1')).toEqual([]);
    expect(index.eventsOf('r2').map((e) => e.eventId)).toEqual(['e2']);
    expect(index.readings).toBe(2);
  });

  it('evicts by bytes of JSON too, keeping at least the newest event', () => {
    const index = new TraceIndex({ maxBytes: 25 });
    index.add(entry('e1', ['r1'], 'x'.repeat(20)));
    index.add(entry('e2', ['r1'], 'y'.repeat(20)));
    expect(index.eventsOf('r1').map((e) => e.eventId)).toEqual(['e2']);
    index.add(entry('e3', ['r1'], 'z'.repeat(100)));
    expect(index.eventsOf('r1').map((e) => e.eventId)).toEqual(['e3']);
  });

  it('ignores events that carry no readingId', () => {
    const index = new TraceIndex();
    index.add(entry('device', []));
    expect(index.size).toBe(0);
  });
});

describe('buildTrace', () => {
  it('lists every hop with its timestamps and, per event, which declared rules matched and why the others did not', () => {
    // Prepare: the golden samples of one reading's path, as the tail would send them
    const index = new TraceIndex();
    const readingId = 'sensor-0042@1714564800000';
    [ReadingsReceivedV1.sample, ReadingsEnrichedV1.sample, ReadingsStoredV1.sample, AlertRaisedV1.sample].forEach((event, i) => index.add(indexed(event, 1000 + i)));

    // Act
    const trace = buildTrace(readingId, index, createRuleExplainer(FIVE_SERVICES));

    // Assess
    expect(trace.hops.map((h) => h.detailType)).toEqual(['ReadingsReceived', 'ReadingsEnriched', 'ReadingsStored', 'AlertRaised']);
    expect(trace.hops[2]).toMatchObject({
      eventId: ReadingsStoredV1.sample['id'],
      source: 'pulse.persist',
      batchId: '01HWZ6Q4V1W2X3Y4Z5A6B7C8D9',
      stamps: { receivedAt: 1714564801100, storedAt: 1714564801420 },
      seenAt: 1002,
    });
    const enriched = trace.hops[1]!.rules;
    expect(enriched.filter((r) => r.matched).map((r) => `${r.service}:${r.rule}→${r.target}`)).toEqual([
      'persist:persist-readings-enriched→function store-readings',
      'alert:alert-readings-enriched→function evaluate-readings',
    ]);
    const transform = enriched.find((r) => r.rule === 'transform-readings-received')!;
    expect(transform.matched).toBe(false);
    expect(transform.reasons.map((r) => r.path)).toEqual(['source', 'detail-type']);
    expect(transform.reasons[0]!.message).toContain('expected "pulse.ingest"');
    const pager = trace.hops[3]!.rules.find((r) => r.rule === 'alert-page-unhealthy')!;
    expect(pager.matched).toBe(true);
    expect(pager.reasons.map((r) => r.path)).toContain('detail.data.severity');
  });
});
