import { ReadingsNormalizedV1, type ReadingsNormalizedV1Data } from '@pulse/schemas';
import { EventValidationError, createPublisher, eventBridgeClient, type Publisher } from '@pulse/service-kit';
import { fixedClock, startPutEventsServer, type PutEventsServer } from '@pulse/service-kit/testing';
import { normalizedBatchId, publishNormalized } from './normalized-publisher';

// The real EventBridge SDK client over HTTP against the kit's PutEvents stand-in.
const golden = ReadingsNormalizedV1.sample.detail.data;
const lineage = { correlationId: 'corr-42', causationId: '01HWZ6Q1X8J3K9M2N4P5R7S8T0' };

describe('publishNormalized', () => {
  let server: PutEventsServer;
  let publisher: Publisher;

  beforeEach(async () => {
    server = await startPutEventsServer();
    const client = eventBridgeClient({ endpoint: server.endpoint, env: {} });
    publisher = createPublisher({ client, busName: 'pulse-test', source: 'pulse.transform', clock: fixedClock(Date.UTC(2024, 4, 1, 12, 0, 2)) });
  });
  afterEach(() => server.close());

  it('puts one ReadingsNormalized entry carrying the lineage of the received batch', async () => {
    // Act
    const summary = await publishNormalized(publisher, golden, lineage);

    // Assess
    expect(server.calls).toHaveLength(1);
    const [entry] = server.accepted;
    expect(entry).toMatchObject({ Source: 'pulse.transform', DetailType: 'ReadingsNormalized', EventBusName: 'pulse-test' });
    expect(JSON.parse(entry.Detail!)).toEqual({
      metadata: { version: 1, batchId: summary.batchId, correlationId: 'corr-42', causationId: lineage.causationId, producedAt: '2024-05-01T12:00:02.000Z' },
      data: golden,
    });
    expect(summary.eventIds).toEqual([entry.EventId]);
  });

  it('derives the same batchId when the same received batch is published again', async () => {
    // Act
    const first = await publishNormalized(publisher, golden, lineage);
    const again = await publishNormalized(publisher, golden, lineage);
    const other = await publishNormalized(publisher, golden, { ...lineage, causationId: 'another-batch' });

    // Assess
    expect(again.batchId).toBe(first.batchId);
    expect(other.batchId).not.toBe(first.batchId);
    expect(first.batchId).toBe(normalizedBatchId(lineage.causationId));
    expect(first.batchId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses data the contract rejects before anything is sent', async () => {
    // Prepare
    const invalid = { ...golden, readings: [] } as ReadingsNormalizedV1Data;

    // Act
    const outcome = publishNormalized(publisher, invalid, lineage);

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(EventValidationError);
    expect(server.calls).toHaveLength(0);
  });
});
