import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeviceRetiredV1, ReadingsReceivedV1, type ReadingsReceivedV1Data } from '@pulse/schemas';
import { createPublisher } from '@pulse/service-kit';
import { startPutEventsServer, type PutEventsServer } from '@pulse/service-kit/testing';
import { EventsNotAcceptedError } from '../domain/readings-sink';
import { deviceEvents, readingsSink } from './bus-publishing';

const data = (n: number): ReadingsReceivedV1Data => ({
  fleetId: 'city-a',
  channel: 'http',
  receivedAt: 1767225600000,
  readings: [{ readingId: `s${n}@1767225600000`, deviceId: `s${n}`, timestamp: 1767225600000, measurements: { pm25: n } }],
});

describe('bus publishing over the PutEvents wire', () => {
  let server: PutEventsServer;
  let client: EventBridgeClient;
  const refuse = new Set<string>();

  beforeAll(async () => {
    server = await startPutEventsServer({
      failEntry: (entry) => (refuse.has(JSON.parse(entry.Detail ?? '{}').data.readings?.[0]?.deviceId) ? { ErrorCode: 'InternalFailure', ErrorMessage: 'busy' } : undefined),
    });
    client = new EventBridgeClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  const publisher = () => createPublisher({ client, busName: 'pulse-test', source: 'pulse.ingest', sleep: async () => undefined });

  it('sends one ReadingsReceived entry per event, with the request batchId suffixed per event', async () => {
    // Act
    await readingsSink(publisher()).publish([data(1), data(2)], { correlationId: 'corr-1', batchId: 'req-1' });
    // Assess
    const entries = server.calls.at(-1) ?? [];
    expect(entries.map((e) => [e.Source, e.DetailType, e.EventBusName])).toEqual([
      ['pulse.ingest', 'ReadingsReceived', 'pulse-test'],
      ['pulse.ingest', 'ReadingsReceived', 'pulse-test'],
    ]);
    const details = entries.map((e) => JSON.parse(e.Detail ?? '{}'));
    expect(details.map((d) => d.metadata.batchId)).toEqual(['req-1.1', 'req-1.2']);
    expect(details.every((d) => ReadingsReceivedV1.validate(d).ok && d.metadata.correlationId === 'corr-1')).toBe(true);
  });

  it('turns entries refused after every retry into EventsNotAcceptedError with their positions', async () => {
    // Prepare
    refuse.add('s5');
    // Act
    const outcome = readingsSink(publisher()).publish([data(4), data(5)], { correlationId: 'c', batchId: 'req-2' });
    // Assess
    await expect(outcome).rejects.toBeInstanceOf(EventsNotAcceptedError);
    await expect(outcome).rejects.toMatchObject({ failedIndexes: [1] });
  });

  it('publishes DeviceRetired as the contract says', async () => {
    // Act
    await deviceEvents(publisher()).retired({ deviceId: 's1', fleetId: 'city-a', revision: 2, retiredAt: 1 }, 'corr');
    // Assess
    const entry = server.accepted.at(-1);
    expect(entry?.DetailType).toBe('DeviceRetired');
    expect(DeviceRetiredV1.validate(JSON.parse(entry?.Detail ?? '{}')).ok).toBe(true);
  });
});
