import type { ReadingsReceivedV1Data } from '@pulse/schemas';
import { fixedClock } from '@pulse/service-kit/testing';
import { fakeOwnership, reading } from '../testing/fakes';
import { ingestDrop, type DropRecord } from './ingest-drop';
import type { ReadingsSink } from './readings-sink';

const NOW = Date.UTC(2026, 0, 1, 12);

describe('ingestDrop', () => {
  it('publishes slices while the file is still being read, and reports rejections by line', async () => {
    // Prepare: a source that records how far it was read when each publish happened
    let linesRead = 0;
    const readAtPublish: number[] = [];
    const published: ReadingsReceivedV1Data[] = [];
    const sink: ReadingsSink = {
      async publish(events) {
        readAtPublish.push(linesRead);
        published.push(...events);
        return { retries: 0 };
      },
    };
    async function* records(): AsyncGenerator<DropRecord> {
      for (let line = 1; line <= 5000; line++) {
        linesRead = line;
        if (line === 7) yield { line, issues: [{ path: '', rule: 'json', message: 'malformed' }] };
        else if (line === 9) yield { line, value: reading('unknown', NOW) };
        else yield { line, value: reading('s1', NOW - line) };
      }
    }
    let batch = 0;
    const ports = { clock: fixedClock(NOW), ownership: fakeOwnership({ 'city-a': ['s1'] }), sink, newBatchId: () => `b-${++batch}` };
    // Act
    const { report, rejectedByRule } = await ingestDrop(records(), { key: 'incoming/city-a/x.ndjson', fleetId: 'city-a', format: 'ndjson' }, 'corr', ports, {
      flushReadings: 1000,
      maxReportedRejections: 10,
    });
    // Assess
    expect(readAtPublish[0]).toBeLessThan(5000); // the first slice went out long before the end
    expect(readAtPublish).toHaveLength(5);
    expect(published.every((e) => e.readings.length <= 200 && e.channel === 's3')).toBe(true);
    expect(report).toMatchObject({ accepted: 4998, rejectedCount: 2, rejectedTruncated: false, completedAt: '2026-01-01T12:00:00.000Z' });
    expect(report.rejected.map((r) => [r.line, r.errors[0].rule])).toEqual([[7, 'json'], [9, 'ownership']]);
    expect(rejectedByRule).toEqual({ json: 1, ownership: 1 });
  });

  it('caps the detailed rejections but counts all of them', async () => {
    // Prepare
    async function* records(): AsyncGenerator<DropRecord> {
      for (let line = 1; line <= 30; line++) yield { line, value: { deviceId: 's1' } };
    }
    const ports = { clock: fixedClock(NOW), ownership: fakeOwnership({}), sink: { publish: jest.fn() }, newBatchId: () => 'b' };
    // Act
    const { report } = await ingestDrop(records(), { key: 'k', fleetId: 'city-a', format: 'ndjson' }, 'corr', ports, { flushReadings: 7, maxReportedRejections: 5 });
    // Assess
    expect(report).toMatchObject({ accepted: 0, rejectedCount: 30, rejectedTruncated: true });
    expect(report.rejected).toHaveLength(5);
    expect(ports.sink.publish).not.toHaveBeenCalled();
  });
});
