import type { KinesisStreamEvent } from 'aws-lambda';
import type { ReadingsReceivedV1Data } from '@pulse/schemas';
import { fixedClock, lambdaContext } from '@pulse/service-kit/testing';
import { EventsNotAcceptedError, type ReadingsSink } from '../domain/readings-sink';
import { fakeOwnership, recordingLogger, recordingMetrics } from '../testing/fakes';
import golden from './__fixtures__/kinesis-event.json';
import { makeReceiveKinesisReadings } from './receive-kinesis-readings';

const NOW = Date.parse('2024-05-01T12:00:01Z');
const event = golden as unknown as KinesisStreamEvent;
const [good, malformed, refused] = event.Records.map((r) => r.kinesis.sequenceNumber);

function sink(): ReadingsSink & { published: ReadingsReceivedV1Data[] } {
  const published: ReadingsReceivedV1Data[] = [];
  return {
    published,
    async publish(events) {
      if (events.some((e) => e.readings.some((r) => r.deviceId === 'sensor-0043'))) throw new EventsNotAcceptedError([0], 3, 'refused');
      published.push(...events);
      return { retries: 0 };
    },
  };
}

describe('receive-kinesis-readings (golden Kinesis event)', () => {
  it('publishes good records, skips malformed ones with a log naming the sequence number, and fails only the refused record', async () => {
    // Prepare
    const bus = sink();
    const metrics = recordingMetrics();
    const logger = recordingLogger();
    const receive = makeReceiveKinesisReadings({
      clock: fixedClock(NOW),
      ownership: fakeOwnership({ 'city-lyon': ['sensor-0042', 'sensor-0043'] }),
      sink: bus,
      newBatchId: () => 'batch-k',
      metrics,
      logger,
    });
    // Act
    const response = await receive(event, lambdaContext());
    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: refused }] });
    expect(bus.published).toEqual([
      expect.objectContaining({ fleetId: 'city-lyon', channel: 'kinesis', receivedAt: NOW, readings: [expect.objectContaining({ readingId: 'sensor-0042@1714564800000' })] }),
    ]);
    expect(metrics.counts).toEqual({ 'accepted:kinesis': 1, 'rejected:minimum': 1, 'malformed:kinesis': 1 });
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings.map((w) => [w.message, (w.extra[0] as { sequenceNumber: string }).sequenceNumber])).toEqual(
      expect.arrayContaining([
        ['malformed kinesis record skipped', malformed],
        ['kinesis readings rejected', good],
      ]),
    );
  });
});
