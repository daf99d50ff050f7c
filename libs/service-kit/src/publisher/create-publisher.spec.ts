import type { PutEventsCommand, PutEventsCommandOutput, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { DeviceRegistered, ReadingsReceived, type ReadingsData } from '../__fixtures__/fixture-contracts';
import { fixedClock } from '../clock';
import { sequentialIds } from '../id-generator';
import { createPublisher, type PublisherOptions } from './create-publisher';
import { EntryTooLargeError, EventValidationError, PublishError } from './publish-errors';
import type { PutEventsClient } from './send-call';

type Responder = (entries: NonNullable<PutEventsCommand['input']['Entries']>, call: number) => PutEventsResultEntry[];

/** A fake client: records every call and answers with the responder's per-entry results. */
function fakeClient(respond: Responder = (entries) => entries.map((_, i) => ({ EventId: `e${i}` }))) {
  const calls: PutEventsCommand['input'][] = [];
  const client: PutEventsClient = {
    async send(command) {
      calls.push(command.input);
      const results = respond(command.input.Entries ?? [], calls.length);
      return { $metadata: {}, FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results } as PutEventsCommandOutput;
    },
  };
  return { client, calls };
}

const entriesOf = (input: PutEventsCommand['input'] | undefined) => input?.Entries ?? [];

const reading = (n: number): ReadingsData => ({
  fleetId: 'fleet-1',
  readings: [{ readingId: `d${n}@1767225600000`, deviceId: `d${n}`, measurements: { pm25: n } }],
});

function publisherWith(client: PutEventsClient, overrides: Partial<PublisherOptions> = {}) {
  const sleeps: number[] = [];
  const publisher = createPublisher({
    client,
    busName: 'pulse-test',
    clock: fixedClock(Date.UTC(2026, 0, 1)),
    ids: sequentialIds('batch'),
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    ...overrides,
  });
  return { publisher, sleeps };
}

describe('createPublisher', () => {
  it('sends one entry per item with the envelope, metadata and Time from the ports', async () => {
    // Prepare
    const { client, calls } = fakeClient();
    const { publisher } = publisherWith(client, { source: 'pulse.ingest' });

    // Act
    const summary = await publisher.publish(ReadingsReceived, [reading(1), reading(2)], { correlationId: 'corr-1' });

    // Assess
    expect(summary).toEqual({ entries: 2, calls: 1, attempts: 1, retries: 0, eventIds: ['e0', 'e1'] });
    const [first] = entriesOf(calls[0]);
    expect(first).toMatchObject({ EventBusName: 'pulse-test', Source: 'pulse.ingest', DetailType: 'ReadingsReceived', Time: new Date(Date.UTC(2026, 0, 1)) });
    expect(JSON.parse(first!.Detail!)).toEqual({
      metadata: { version: 1, batchId: 'batch-1', correlationId: 'corr-1', producedAt: '2026-01-01T00:00:00.000Z' },
      data: reading(1),
    });
  });

  it('uses a given batch id for every event, or one derived per item', async () => {
    // Prepare
    const { client, calls } = fakeClient();
    const { publisher } = publisherWith(client);

    // Act
    await publisher.publish(ReadingsReceived, [reading(1), reading(2)], { correlationId: 'c', batchId: 'b-fixed' });
    await publisher.publish(ReadingsReceived, [reading(1), reading(2)], { correlationId: 'c', batchId: (d, i) => `${d.fleetId}-${i}`, causationId: 'upstream-1' });

    // Assess
    const metadata = calls.flatMap((c) => entriesOf(c).map((e) => JSON.parse(e.Detail ?? '{}').metadata));
    expect(metadata.map((m) => m.batchId)).toEqual(['b-fixed', 'b-fixed', 'fleet-1-0', 'fleet-1-1']);
    expect(metadata.map((m) => m.causationId)).toEqual([undefined, undefined, 'upstream-1', 'upstream-1']);
  });

  it('validates every detail first and sends nothing when one is invalid', async () => {
    // Prepare
    const { client, calls } = fakeClient();
    const { publisher } = publisherWith(client);
    const bad = { fleetId: 'fleet-1', readings: [{ readingId: 'r', deviceId: 'd', measurements: { pm25: -1 } }] };

    // Act
    const act = publisher.publish(ReadingsReceived, [reading(1), bad], { correlationId: 'c' });

    // Assess
    await expect(act).rejects.toBeInstanceOf(EventValidationError);
    await expect(act).rejects.toMatchObject({
      contract: 'ReadingsReceived',
      invalid: [{ index: 1, errors: [expect.objectContaining({ path: 'data.readings[0].measurements.pm25' })] }],
    });
    expect(calls).toHaveLength(0);
  });

  it('refuses to emit another service’s contract when the publisher is bound to a source', async () => {
    // Prepare
    const { client } = fakeClient();
    const { publisher } = publisherWith(client, { source: 'pulse.transform' });

    // Act / Assess
    await expect(publisher.publish(DeviceRegistered, [DeviceRegistered.sample.detail.data], { correlationId: 'c' })).rejects.toThrow(
      "publisher for 'pulse.transform' cannot emit DeviceRegistered",
    );
  });

  it('packs 25 entries into calls of 10, 10 and 5, and large entries by size', async () => {
    // Prepare
    const { client, calls } = fakeClient();
    const { publisher } = publisherWith(client);
    const big = (n: number): ReadingsData => ({
      fleetId: 'fleet-1',
      readings: Array.from({ length: 450 }, (_, i) => ({ readingId: `d${n}-${i}@1767225600000-${'x'.repeat(150)}`, deviceId: `d${n}`, measurements: { pm25: i } })),
    });

    // Act
    const small = await publisher.publish(ReadingsReceived, Array.from({ length: 25 }, (_, i) => reading(i)), { correlationId: 'c' });
    calls.length = 0;
    const large = await publisher.publish(ReadingsReceived, [big(1), big(2), big(3)], { correlationId: 'c' });

    // Assess
    expect(small.calls).toBe(3);
    expect(large.calls).toBeGreaterThan(1);
    for (const call of calls) {
      const bytes = entriesOf(call).reduce((sum, e) => sum + 14 + e.Source!.length + e.DetailType!.length + Buffer.byteLength(e.Detail!), 0);
      expect(bytes).toBeLessThanOrEqual(256 * 1024);
    }
  });

  it('rejects a single entry over 256 KB before sending anything', async () => {
    // Prepare
    const { client, calls } = fakeClient();
    const { publisher } = publisherWith(client);
    const huge: ReadingsData = { fleetId: 'x'.repeat(270_000), readings: [] };

    // Act
    const act = publisher.publish(ReadingsReceived, [reading(1), huge], { correlationId: 'c' });

    // Assess
    await expect(act).rejects.toBeInstanceOf(EntryTooLargeError);
    await expect(act).rejects.toMatchObject({ index: 1, limit: 262_144 });
    expect(calls).toHaveLength(0);
  });

  it('retries only the entries that failed, with full-jitter backoff, until all are accepted', async () => {
    // Prepare: entries 1 and 3 are throttled on the first call, entry 3 again on the second
    const { client, calls } = fakeClient((entries, call) =>
      entries.map((e, i) => {
        const n = JSON.parse(e.Detail!).data.readings[0].measurements.pm25 as number;
        const fails = (call === 1 && (n === 1 || n === 3)) || (call === 2 && n === 3);
        return fails ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' } : { EventId: `id-${n}-${call}-${i}` };
      }),
    );
    const { publisher, sleeps } = publisherWith(client);

    // Act
    const summary = await publisher.publish(ReadingsReceived, [0, 1, 2, 3].map(reading), { correlationId: 'c' });

    // Assess
    expect(calls.map((c) => entriesOf(c).length)).toEqual([4, 2, 1]);
    expect(summary).toMatchObject({ calls: 3, attempts: 3, retries: 3 });
    expect(summary.eventIds).toEqual(['id-0-1-0', 'id-1-2-0', 'id-2-1-2', 'id-3-3-0']);
    expect(sleeps).toEqual([25, 50]);
  });

  it('throws PublishError naming every entry never accepted, after maxAttempts', async () => {
    // Prepare: entry 0 always throttled; entry 2 permanently malformed
    const { client, calls } = fakeClient((entries) =>
      entries.map((e) => {
        const n = JSON.parse(e.Detail!).data.readings[0].measurements.pm25 as number;
        if (n === 0) return { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' };
        if (n === 2) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'bad json' };
        return { EventId: `id-${n}` };
      }),
    );
    const { publisher } = publisherWith(client, { maxAttempts: 3 });

    // Act
    const error = await publisher.publish(ReadingsReceived, [0, 1, 2].map(reading), { correlationId: 'c' }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({
      failed: [
        { index: 0, errorCode: 'InternalFailure', errorMessage: 'try again' },
        { index: 2, errorCode: 'MalformedDetail', errorMessage: 'bad json' },
      ],
      eventIds: [undefined, 'id-1', undefined],
    });
    // The malformed entry is not retried; the throttled one is sent three times.
    expect(calls.map((c) => entriesOf(c).length)).toEqual([3, 1, 1]);
  });

  it('retries a whole call that throws a retryable SDK error, but not a client error', async () => {
    // Prepare
    let attempt = 0;
    const flaky: PutEventsClient = {
      async send(command) {
        attempt += 1;
        if (attempt === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
        return { $metadata: {}, FailedEntryCount: 0, Entries: command.input.Entries!.map(() => ({ EventId: 'ok' })) };
      },
    };
    const denied: PutEventsClient = {
      send: async () => {
        throw Object.assign(new Error('not allowed'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
      },
    };

    // Act
    const summary = await publisherWith(flaky).publisher.publish(ReadingsReceived, [reading(1)], { correlationId: 'c' });
    const error = await publisherWith(denied).publisher.publish(ReadingsReceived, [reading(1)], { correlationId: 'c' }).catch((e: unknown) => e);

    // Assess
    expect(summary).toMatchObject({ attempts: 2, retries: 1, eventIds: ['ok'] });
    expect(error).toMatchObject({ name: 'PublishError', failed: [{ index: 0, errorCode: 'AccessDeniedException', errorMessage: 'not allowed' }] });
  });

  it('makes no call for an empty list', async () => {
    // Prepare
    const { client, calls } = fakeClient();

    // Act
    const summary = await publisherWith(client).publisher.publish(ReadingsReceived, [], { correlationId: 'c' });

    // Assess
    expect(summary).toEqual({ entries: 0, calls: 0, attempts: 0, retries: 0, eventIds: [] });
    expect(calls).toHaveLength(0);
  });
});
