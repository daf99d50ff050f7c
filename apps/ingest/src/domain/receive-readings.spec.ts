import type { ReadingsReceivedV1Data } from '@pulse/schemas';
import { fixedClock, sequentialIds } from '@pulse/service-kit/testing';
import { fakeOwnership, reading } from '../testing/fakes';
import { createFleetRateLimiter } from './fleet-rate-limiter';
import { receiveReadings, type ReceivePorts, type ReceiveRequest } from './receive-readings';
import { EventsNotAcceptedError, type ReadingsSink } from './readings-sink';

const NOW = Date.UTC(2026, 0, 1, 12);

function recordingSink(fail?: (index: number) => boolean): ReadingsSink & { published: ReadingsReceivedV1Data[][] } {
  const published: ReadingsReceivedV1Data[][] = [];
  return {
    published,
    async publish(events) {
      published.push([...events]);
      const failed = events.map((_, i) => i).filter((i) => fail?.(i));
      if (failed.length > 0) throw new EventsNotAcceptedError(failed, 3, 'refused');
      return { retries: 1 };
    },
  };
}

function ports(overrides: Partial<ReceivePorts> = {}): ReceivePorts {
  return {
    clock: fixedClock(NOW),
    ids: sequentialIds('batch'),
    ownership: fakeOwnership({ 'city-a': ['s1', 's2'] }),
    sink: recordingSink(),
    limiter: createFleetRateLimiter({ ratePerSecond: 100, burst: 100 }, fixedClock(NOW)),
    retryAfterSeconds: 7,
    ...overrides,
  };
}

const request = (readings: unknown[], extra: Partial<ReceiveRequest> = {}): ReceiveRequest => {
  const body = JSON.stringify({ readings });
  return { fleetId: 'city-a', contentType: 'application/json', body, bodyBytes: body.length, correlationId: 'corr-1', ...extra };
};

describe('receiveReadings', () => {
  it('publishes the valid owned readings and lists the others by index with their reasons', async () => {
    // Prepare
    const sink = recordingSink();
    const readings = [reading('s1', NOW - 1000), { ...reading('s2', NOW), measurements: { pm25: -3 } }, reading('x9', NOW)];
    // Act
    const outcome = await receiveReadings(request(readings), ports({ sink }));
    // Assess
    expect(outcome).toEqual({
      kind: 'accepted',
      body: {
        batchId: 'batch-1',
        accepted: 1,
        readingIds: [`s1@${NOW - 1000}`],
        rejected: [
          { index: 1, errors: [expect.objectContaining({ path: 'measurements.pm25', rule: 'minimum' })] },
          { index: 2, errors: [expect.objectContaining({ path: 'deviceId', rule: 'ownership' })] },
        ],
      },
      stats: { accepted: 1, rejectedByRule: { minimum: 1, ownership: 1 }, publishRetries: 1 },
    });
    expect(sink.published).toEqual([[{ fleetId: 'city-a', channel: 'http', receivedAt: NOW, readings: [{ readingId: `s1@${NOW - 1000}`, ...readings[0] }] }]]);
  });

  it('splits 450 readings into events of at most 200', async () => {
    // Prepare
    const sink = recordingSink();
    const readings = Array.from({ length: 450 }, (_, i) => reading('s1', NOW - i));
    // Act
    const outcome = await receiveReadings(request(readings), ports({ sink }));
    // Assess
    expect(outcome.kind).toBe('accepted');
    expect(sink.published[0].map((e) => e.readings.length)).toEqual([200, 200, 50]);
  });

  it('answers forbidden when every reading is refused for ownership, invalid when any other rule is involved', async () => {
    // Act
    const forbidden = await receiveReadings(request([reading('x1', NOW), reading('x2', NOW)]), ports());
    const invalid = await receiveReadings(request([reading('x1', NOW), { deviceId: 's1' }]), ports());
    // Assess
    expect(forbidden).toMatchObject({ kind: 'forbidden', issues: [{ path: 'readings[0].deviceId', rule: 'ownership' }, { path: 'readings[1].deviceId' }] });
    expect(invalid).toMatchObject({ kind: 'invalid', issues: expect.arrayContaining([expect.objectContaining({ path: 'readings[1].timestamp', rule: 'required' })]) });
  });

  it('acknowledges nothing when the bus refuses, naming the readings not accepted', async () => {
    // Prepare: 250 readings make two events; the second is refused
    const readings = Array.from({ length: 250 }, (_, i) => reading('s1', NOW - i));
    // Act
    const outcome = await receiveReadings(request(readings), ports({ sink: recordingSink((i) => i === 1) }));
    // Assess
    expect(outcome).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 7 });
    if (outcome.kind !== 'unavailable') throw new Error('expected unavailable');
    expect(outcome.notAccepted).toHaveLength(50);
    expect(outcome.notAccepted[0]).toBe(`s1@${NOW - 200}`);
    expect(outcome.accepted).toHaveLength(200);
  });

  it('answers unavailable when ownership cannot be checked', async () => {
    // Prepare
    const ownership = { ownedDevices: () => Promise.reject(new Error('table down')) };
    // Act
    const outcome = await receiveReadings(request([reading('s1', NOW)]), ports({ ownership }));
    // Assess
    expect(outcome).toMatchObject({ kind: 'unavailable', notAccepted: [], retryAfterSeconds: 7 });
  });

  it('throttles before reading the body', async () => {
    // Prepare
    const limiter = { take: () => ({ ok: false as const, retryAfterSeconds: 3 }) };
    // Act
    const outcome = await receiveReadings(request([], { body: 'not even json' }), ports({ limiter }));
    // Assess
    expect(outcome).toEqual({ kind: 'throttled', retryAfterSeconds: 3 });
  });

  it('passes 413 and 415 through with a message', async () => {
    // Act
    const outcome = await receiveReadings(request([reading('s1', NOW)], { contentType: 'text/csv' }), ports());
    // Assess
    expect(outcome).toMatchObject({ kind: 'unsupportedMediaType', message: expect.stringContaining('text/csv') });
  });
});
