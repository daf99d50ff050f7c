import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventually } from '../__fixtures__/fake-runner';
import { openSse, type SseClient } from '../__fixtures__/sse-client';
import { startTestBus, type TestBus } from '../api/__fixtures__/test-bus';

describe('GET /_pulse/tail (Server-Sent Events of every accepted event)', () => {
  let bus: TestBus | undefined;
  const streams: SseClient[] = [];
  const entry = (source: string, kind: string) => ({ Source: source, DetailType: 'Reading', Detail: JSON.stringify({ kind }) });

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await bus?.close();
    bus = undefined;
  });

  async function tail(query = ''): Promise<SseClient> {
    const stream = await openSse(`${bus!.server.endpoint}/_pulse/tail${query}`);
    streams.push(stream);
    return stream;
  }

  it('streams each accepted event as a bus-event with its id, and nothing a rejected entry carried', async () => {
    // Prepare
    bus = await startTestBus();
    const stream = await tail();
    const client: EventBridgeClient = bus.client();

    // Act
    const put = await client.send(new PutEventsCommand({ Entries: [entry('pulse.test', 'one'), entry('aws.ec2', 'refused'), entry('pulse.test', 'two')] }));
    await eventually('two streamed events', () => stream.events.length >= 2);

    // Assess
    expect(put.FailedEntryCount).toBe(1);
    expect(stream.status).toBe(200);
    expect(stream.events.map((e) => e.event)).toEqual(['bus-event', 'bus-event']);
    expect(stream.events.map((e) => e.id)).toEqual([put.Entries?.[0]?.EventId, put.Entries?.[2]?.EventId]);
    expect(stream.events.map((e) => (JSON.parse(e.data) as { detail: { kind: string } }).detail.kind)).toEqual(['one', 'two']);
  });

  it('filters by an event pattern given in the query, and refuses an invalid one with 400', async () => {
    // Prepare
    bus = await startTestBus();
    const filtered = await tail(`?pattern=${encodeURIComponent(JSON.stringify({ detail: { kind: ['two'] } }))}`);
    const everything = await tail();

    // Act
    await bus.client().send(new PutEventsCommand({ Entries: [entry('pulse.test', 'one'), entry('pulse.test', 'two')] }));
    await eventually('both events on the unfiltered stream', () => everything.events.length === 2);
    const invalid = await tail(`?pattern=${encodeURIComponent('{"detail":"not-an-array"}')}`);

    // Assess
    expect(filtered.events.map((e) => (JSON.parse(e.data) as { detail: { kind: string } }).detail.kind)).toEqual(['two']);
    expect(invalid.status).toBe(400);
  });

  it('answers 404 for an unknown admin path, while the AWS API keeps working', async () => {
    // Prepare
    bus = await startTestBus();

    // Act
    const unknown = await fetch(`${bus.server.endpoint}/_pulse/nothing`);
    const put = await bus.client().send(new PutEventsCommand({ Entries: [entry('pulse.test', 'one')] }));

    // Assess
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/_pulse\/tail/);
    expect(put.FailedEntryCount).toBe(0);
  });
});
