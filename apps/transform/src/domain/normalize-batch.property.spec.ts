import fc from 'fast-check';
import { ReadingsNormalizedV1, ReadingsReceivedV1, type ReadingsNormalizedV1Data, type ReadingsReceivedV1Data } from '@pulse/schemas';
import { receivedBatch } from './__fixtures__/received-arbitrary';
import { normalizeBatch } from './normalize-batch';

const metadata = { version: 1, batchId: 'b-1', correlationId: 'c-1', producedAt: '2024-05-01T12:00:01Z' };

/** A normalized batch fed back as if ingest had received it: canonical values, no units. */
function asReceived(normalized: ReadingsNormalizedV1Data): ReadingsReceivedV1Data {
  return {
    fleetId: normalized.fleetId,
    channel: 'http',
    receivedAt: normalized.receivedAt,
    readings: normalized.readings.map(({ readingId, deviceId, ts, measurements }) => ({ readingId, deviceId, timestamp: ts, measurements })),
  };
}

describe('normalizeBatch properties', () => {
  it('generates only valid ReadingsReceived batches (guards the other properties)', () => {
    fc.assert(fc.property(receivedBatch, (data) => ReadingsReceivedV1.validate({ metadata, data }).ok));
  });

  it('always emits a valid ReadingsNormalized event', () => {
    fc.assert(
      fc.property(receivedBatch, (received) => {
        // Act
        const { data } = normalizeBatch(received);

        // Assess
        expect(ReadingsNormalizedV1.validate({ metadata, data })).toMatchObject({ ok: true });
      }),
    );
  });

  it('never drops a reading: every readingId comes out once, the rest are counted duplicates', () => {
    fc.assert(
      fc.property(receivedBatch, (received) => {
        // Act
        const { data } = normalizeBatch(received);

        // Assess
        const ids = new Set(received.readings.map((r) => r.readingId));
        expect(data.readings.map((r) => r.readingId).sort()).toEqual([...ids].sort());
        expect(data.readings.length + data.duplicatesRemoved).toBe(received.readings.length);
      }),
    );
  });

  it('is idempotent: normalising a normalized batch changes nothing', () => {
    fc.assert(
      fc.property(receivedBatch, (received) => {
        // Prepare
        const once = normalizeBatch(received).data;

        // Act
        const twice = normalizeBatch(asReceived(once)).data;

        // Assess: the same readings, values and flags. duplicate-sequence alone cannot recur,
        // because it is derived from `sequence`, which normalized readings no longer carry.
        const withoutSequenceFlag = once.readings.map((r) => ({ ...r, quality: r.quality.filter((q) => q !== 'duplicate-sequence') }));
        expect(twice.readings).toEqual(withoutSequenceFlag);
        expect(twice.duplicatesRemoved).toBe(0);
      }),
    );
  });
});
