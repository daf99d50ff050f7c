import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ReadingsReceived, type ReadingsData } from '../__fixtures__/fixture-contracts';
import { startPutEventsServer, type PutEventsServer } from '../testing/put-events-server';
import { createPublisher } from './create-publisher';
import { PublishError } from './publish-errors';

// The real SDK client, over HTTP, against the AWS JSON 1.1 stand-in: proves the wire path.

const reading = (n: number): ReadingsData => ({
  fleetId: 'fleet-1',
  readings: [{ readingId: `d${n}@1767225600000`, deviceId: `d${n}`, measurements: { pm25: n } }],
});

function sdkClient(endpoint: string): EventBridgeClient {
  return new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 3000, throwOnRequestTimeout: true }),
  });
}

describe('publisher over the wire', () => {
  let server: PutEventsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('re-sends the entries the bus rejected on the first call and collects every event id', async () => {
    // Prepare: the server throttles entries 2 and 5 of the first call only
    server = await startPutEventsServer({
      failEntry: (_entry, { call, index }) =>
        call === 1 && (index === 2 || index === 5) ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' } : undefined,
    });
    const publisher = createPublisher({ client: sdkClient(server.endpoint), busName: 'pulse-local', sleep: async () => undefined });

    // Act
    const summary = await publisher.publish(ReadingsReceived, Array.from({ length: 12 }, (_, i) => reading(i)), { correlationId: 'wire-1' });

    // Assess
    expect(server.calls.map((c) => c.length)).toEqual([10, 2, 2]);
    expect(summary).toMatchObject({ entries: 12, attempts: 2, retries: 2, calls: 3 });
    expect(summary.eventIds).toHaveLength(12);
    expect(new Set(summary.eventIds).size).toBe(12);
    const accepted = server.accepted.map((e) => JSON.parse(e.Detail!).data.readings[0].deviceId).sort();
    expect(accepted).toEqual(Array.from({ length: 12 }, (_, i) => `d${i}`).sort());
    expect(server.accepted[0]).toMatchObject({ Source: 'pulse.ingest', DetailType: 'ReadingsReceived', EventBusName: 'pulse-local' });
    expect(typeof server.accepted[0]!.Time).toBe('number');
  });

  it('retries a throttled call (AWS JSON error) and reports entries failing permanently', async () => {
    // Prepare: call 1 throttled as a whole; entry 1 always malformed
    server = await startPutEventsServer({
      failCall: ({ call }) => (call === 1 ? { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' } : undefined),
      failEntry: (entry) =>
        JSON.parse(entry.Detail!).data.readings[0].deviceId === 'd1' ? { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } : undefined,
    });
    const publisher = createPublisher({ client: sdkClient(server.endpoint), busName: 'pulse-local', sleep: async () => undefined });

    // Act
    const error = await publisher.publish(ReadingsReceived, [reading(0), reading(1)], { correlationId: 'wire-2' }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).failed).toEqual([{ index: 1, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' }]);
    expect((error as PublishError).eventIds[0]).toEqual(expect.any(String));
    expect(server.calls).toHaveLength(2);
  });
});
