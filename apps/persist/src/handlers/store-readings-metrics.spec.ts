import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { createPowertools, fixedClock, type Publisher } from '@pulse/service-kit';
import { lambdaContext, sampleEvent } from '@pulse/service-kit/testing';
import { enrichedBatch, enrichedReadings, T0 } from '../__fixtures__/enriched-readings';
import { inMemoryReadings, inMemoryZoneStatus } from '../__fixtures__/in-memory-tables';
import { makeStoreReadings } from './store-readings';

/** Powertools writes EMF blobs as JSON lines on stdout; capture and parse them. */
function captureStdout() {
  const lines: Record<string, unknown>[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

interface EmfBlob {
  readonly _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  readonly service: string;
  readonly EndToEndLatency?: number;
}

function setup(publish: Publisher['publish']) {
  const powertools = createPowertools({ serviceName: 'persist', logLevel: 'SILENT' });
  const core = makeStoreReadings({
    logger: powertools.logger,
    metrics: powertools.metrics,
    // ingest accepted the batch at T0 + 1.1 s (the fixture's receivedAt); persist stores it at T0 + 4 s.
    ports: { readings: inMemoryReadings().writer, zoneStatus: inMemoryZoneStatus().writer, clock: fixedClock(T0 + 4_000) },
    publisher: { publish },
    retentionDays: 30,
  });
  const event = { ...sampleEvent(ReadingsEnrichedV1), detail: { ...ReadingsEnrichedV1.sample.detail, data: enrichedBatch(enrichedReadings(3, 3, 1)) } };
  return { powertools, core, event };
}

const accepted: Publisher['publish'] = async (_contract, items) => ({ entries: items.length, calls: 1, attempts: 1, retries: 0, eventIds: items.map((_, i) => `e${i}`) });

describe('store-readings end-to-end latency metric', () => {
  it('emits EndToEndLatency = storedAt − receivedAt in ms, namespace Pulse, dimension service=persist', async () => {
    // Prepare
    const { powertools, core, event } = setup(accepted);
    const stdout = captureStdout();

    // Act
    try {
      await core(event, lambdaContext());
      powertools.metrics.publishStoredMetrics();
    } finally {
      stdout.restore();
    }

    // Assess
    const blob = stdout.lines.find((l) => 'EndToEndLatency' in l) as EmfBlob | undefined;
    expect(blob?.EndToEndLatency).toBe(2_900);
    expect(blob?.service).toBe('persist');
    expect(blob?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Pulse', Dimensions: [['service']] });
    expect(blob?._aws.CloudWatchMetrics[0]?.Metrics).toContainEqual({ Name: 'EndToEndLatency', Unit: 'Milliseconds' });
  });

  it('emits no latency when ReadingsStored cannot be published (the redelivery will measure it)', async () => {
    // Prepare
    const { powertools, core, event } = setup(async () => Promise.reject(new Error('bus down')));
    const stdout = captureStdout();

    // Act
    try {
      await expect(core(event, lambdaContext())).rejects.toThrow('bus down');
      powertools.metrics.publishStoredMetrics();
    } finally {
      stdout.restore();
    }

    // Assess
    expect(stdout.lines.filter((l) => 'EndToEndLatency' in l)).toEqual([]);
  });
});
