import type { EventBridgeEvent } from 'aws-lambda';
import { READINGS_RECEIVED, ReadingsNormalizedV1, ReadingsReceivedV1, type EventDetail, type ReadingsReceivedV1Data } from '@pulse/schemas';
import { BUS_NAME_ENV, PublishError } from '@pulse/service-kit';
import { eventBridgeEvent, lambdaContext, sampleEvent, startPutEventsServer, type EntryFailure, type PutEventsServer } from '@pulse/service-kit/testing';
import { InvalidBatchError } from '../domain/invalid-batch-error';
import type * as HandlerModule from './normalize-readings';
import mixedEvent from './__fixtures__/readings-received-mixed.json';
import mixedNormalized from './__fixtures__/readings-normalized-mixed.data.json';

// The handler module as Lambda loads it (env set first), publishing with the real
// EventBridge SDK client to the kit's PutEvents stand-in.
let server: PutEventsServer;
let handlerModule: typeof HandlerModule;
let entryFailure: EntryFailure | undefined;
let output: { lines: Record<string, unknown>[]; restore(): void };

beforeAll(async () => {
  server = await startPutEventsServer({ failEntry: () => entryFailure });
  process.env[BUS_NAME_ENV] = 'pulse-test';
  process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = server.endpoint;
  handlerModule = await import('./normalize-readings');
});
afterAll(async () => {
  delete process.env[BUS_NAME_ENV];
  delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
  await server.close();
});
beforeEach(() => {
  entryFailure = undefined;
  server.calls.length = 0;
  server.accepted.length = 0;
  output = captureOutput();
});
afterEach(() => output.restore());

/** Powertools logs and EMF metrics are JSON lines; capture them (and keep test output quiet). */
function captureOutput() {
  const lines: Record<string, unknown>[] = [];
  const record = (chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  };
  const spies = [jest.spyOn(process.stdout, 'write').mockImplementation(record), jest.spyOn(process.stderr, 'write').mockImplementation(record)];
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

const published = () => server.accepted.map((entry) => ({ ...entry, detail: JSON.parse(entry.Detail!) as EventDetail<unknown> }));
const asEvent = (json: unknown) => json as EventBridgeEvent<string, unknown>;
const receivedWith = (change: (data: ReadingsReceivedV1Data) => ReadingsReceivedV1Data) => {
  const { metadata, data } = ReadingsReceivedV1.sample.detail;
  return eventBridgeEvent(READINGS_RECEIVED, { metadata, data: change(structuredClone(data)) });
};

describe('normalizeReadings (core)', () => {
  it('publishes one ReadingsNormalized for the ReadingsReceived golden sample, continuing its lineage', async () => {
    // Prepare
    const event = sampleEvent(ReadingsReceivedV1);

    // Act
    const result = await handlerModule.normalizeReadings(event, lambdaContext());

    // Assess
    const [entry] = published();
    expect(published()).toHaveLength(1);
    expect(entry).toMatchObject({ Source: 'pulse.transform', DetailType: 'ReadingsNormalized', EventBusName: 'pulse-test' });
    expect(ReadingsNormalizedV1.validate(entry.detail).ok).toBe(true);
    expect(entry.detail.metadata).toMatchObject({
      causationId: event.detail.metadata.batchId,
      correlationId: event.detail.metadata.correlationId,
      batchId: result.batchId,
    });
    expect(entry.detail.data).toEqual(ReadingsNormalizedV1.sample.detail.data);
    expect(result).toEqual({ batchId: result.batchId, readings: 2, duplicatesRemoved: 0 });
  });

  it('normalises a mixed batch: units, time, duplicates collapsed, every flag', async () => {
    // Act
    await handlerModule.normalizeReadings(asEvent(mixedEvent), lambdaContext());

    // Assess
    const [entry] = published();
    expect(entry.detail.data).toEqual(mixedNormalized);
  });

  it('throws on an event that breaks the contract, naming the field, and publishes nothing', async () => {
    // Prepare
    const event = receivedWith((data) => ({ ...data, fleetId: 'City Lyon' }));

    // Act
    const outcome = handlerModule.normalizeReadings(event, lambdaContext());

    // Assess
    await expect(outcome).rejects.toThrow(InvalidBatchError);
    await expect(outcome).rejects.toThrow(/fleetId/);
    expect(server.calls).toHaveLength(0);
  });

  it('throws on a reading whose readingId does not match its device and time', async () => {
    // Prepare
    const event = receivedWith((data) => {
      data.readings[0].readingId = 'sensor-0042@1';
      return data;
    });

    // Act / Assess
    await expect(handlerModule.normalizeReadings(event, lambdaContext())).rejects.toThrow(/readingId is not <deviceId>@<ts>/);
    expect(server.calls).toHaveLength(0);
  });

  it('throws on another event type delivered by a misconfigured rule', async () => {
    // Prepare
    const event = { ...sampleEvent(ReadingsReceivedV1), 'detail-type': 'ReadingsNormalized' };

    // Act / Assess
    await expect(handlerModule.normalizeReadings(event, lambdaContext())).rejects.toThrow(/expected ReadingsReceived from pulse.ingest/);
  });

  it('throws when the bus refuses the event, so EventBridge retries and then dead-letters it', async () => {
    // Prepare
    entryFailure = { ErrorCode: 'AccessDeniedException', ErrorMessage: 'not allowed' };

    // Act
    const outcome = handlerModule.normalizeReadings(sampleEvent(ReadingsReceivedV1), lambdaContext());

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(PublishError);
    expect(server.calls).toHaveLength(1);
    expect(server.accepted).toHaveLength(0);
  });
});

describe('handler (wrapped for Lambda)', () => {
  // A fresh module: the core tests above left unflushed metrics in the shared instance,
  // which in Lambda wrapHandler flushes after every invocation.
  let fresh: typeof HandlerModule;
  beforeAll(async () => {
    await jest.isolateModulesAsync(async () => {
      fresh = await import('./normalize-readings');
    });
  });

  it('logs with the correlation id and flushes readings, duplicates and per-code flag metrics', async () => {
    // Act
    await fresh.handler(asEvent(mixedEvent), lambdaContext({ functionName: 'normalize-readings' }));

    // Assess
    const log = output.lines.find((l) => l.message === 'batch normalized');
    expect(log).toMatchObject({ service: 'transform', correlationId: mixedEvent.detail.metadata.correlationId, readings: 6, duplicatesRemoved: 1 });
    expect(output.lines.find((l) => 'readingsNormalized' in l)).toMatchObject({ readingsNormalized: 6, duplicatesRemoved: 1 });
    const flags = Object.fromEntries(output.lines.filter((l) => 'qualityFlags' in l).map((l) => [l.code, l.qualityFlags]));
    expect(flags).toEqual({ 'sudden-jump': 1, 'beyond-sensor-range': 2, 'suspect-unit': 2, 'duplicate-sequence': 2, 'temperature-out-of-range': 1 });
  });

  it('records no reading metrics for an invocation that failed (its retry will count them)', async () => {
    // Prepare
    entryFailure = { ErrorCode: 'MalformedDetail', ErrorMessage: 'bad' };

    // Act
    const outcome = fresh.handler(asEvent(mixedEvent), lambdaContext());

    // Assess (the isolated module has its own PublishError class: compare by name)
    await expect(outcome).rejects.toMatchObject({ name: 'PublishError' });
    expect(output.lines.some((l) => 'readingsNormalized' in l || 'qualityFlags' in l)).toBe(false);
    expect(output.lines.find((l) => l.message === 'invocation failed')).toMatchObject({ level: 'ERROR' });
  });
});

describe('cold start', () => {
  it('fails the first invocation, naming the missing bus variable, and publishes nothing', async () => {
    // Prepare
    const saved = process.env[BUS_NAME_ENV];
    delete process.env[BUS_NAME_ENV];

    // Act
    const invoke = jest.isolateModulesAsync(async () => {
      const module = await import('./normalize-readings');
      await module.normalizeReadings(sampleEvent(ReadingsReceivedV1), lambdaContext());
    });

    // Assess
    try {
      await expect(invoke).rejects.toThrow(`Missing environment variable ${BUS_NAME_ENV}`);
    } finally {
      process.env[BUS_NAME_ENV] = saved;
    }
  });
});
