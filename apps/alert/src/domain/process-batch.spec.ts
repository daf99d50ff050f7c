import type { EnrichedReading, ReadingsEnrichedV1Data } from '@pulse/schemas';
import { memoryEvents, memoryPorts } from '../testing/memory-ports';
import { MINUTE, T0, categoryOf } from '../testing/zone-readings';
import { parseAlertRules } from './alert-rules';
import type { EvaluationContext } from './evaluate-zone';
import { AlertPublishError, MAX_WRITE_ATTEMPTS, processBatch, WriteContentionError } from './process-batch';

const LEASE = 60_000;
const rules = parseAlertRules({});
const trace = { correlationId: 'corr-1', causationId: 'batch-1' };
const at = (minute: number, owner: string): EvaluationContext => ({ rules, now: T0 + minute * MINUTE, owner, leaseMs: LEASE });

function reading(minute: number, aqi: number | null, zoneId: string | null = 'presquile', device = 'sensor-1'): EnrichedReading {
  const ts = T0 + minute * MINUTE;
  return {
    readingId: `${device}@${ts}`,
    deviceId: device,
    ts,
    registered: zoneId !== null,
    zoneId,
    location: null,
    measurements: { pm25: 50 },
    aqi: aqi === null ? null : { value: aqi, category: categoryOf(aqi), dominant: 'pm25', subIndices: { pm25: aqi } },
    quality: [],
  };
}

const batch = (...readings: EnrichedReading[]): ReadingsEnrichedV1Data => ({ fleetId: 'city-lyon', receivedAt: T0, readings });
const unhealthy = batch(reading(0, 120), reading(1, 160, 'presquile', 'sensor-2'), reading(2, 155));

describe('processBatch', () => {
  it('writes each zone once per batch and publishes a raise after the write', async () => {
    // Prepare
    const ports = memoryPorts();
    const mixed = batch(reading(0, 120), reading(1, 130), reading(2, 140), reading(2, 30, 'part-dieu'), reading(2, 200, null), reading(3, null));
    // Act
    const outcome = await processBatch(mixed, ports, at(3, 'req-1'), trace);
    // Assess
    expect(outcome).toMatchObject({ zones: 2, raised: 1, resolved: 0, conflicts: 0 });
    // presquile (raise) + part-dieu (first seen) + presquile again (outbox settled)
    expect(ports.states.saves).toBe(3);
    expect(ports.events.published.map((e) => e.type)).toEqual(['AlertRaised']);
    expect(ports.records.applied.map((e) => e.key)).toEqual(ports.events.published.map((e) => e.key));
    expect(ports.states.items.get('city-lyon/presquile')).toMatchObject({ status: 'open', outbox: [] });
  });

  it('two concurrent invocations for one zone produce exactly one AlertRaised', async () => {
    // Prepare
    const ports = memoryPorts();
    await processBatch(batch(reading(-5, 40)), ports, at(0, 'req-0'), trace); // the zone exists
    // Act
    const [a, b] = await Promise.all([processBatch(unhealthy, ports, at(3, 'req-a'), trace), processBatch(unhealthy, ports, at(3, 'req-b'), trace)]);
    // Assess
    expect(a.conflicts + b.conflicts).toBeGreaterThan(0); // they really raced
    expect(ports.events.published.filter((e) => e.type === 'AlertRaised')).toHaveLength(1);
    expect(a.raised + b.raised).toBe(1);
  });

  it('a retry after a crash between write and publish publishes exactly once', async () => {
    // Prepare: the first attempt dies right after its conditional write
    const crashing = memoryPorts({
      published: [],
      publish: () => Promise.reject(new Error('Runtime exited')),
    } as ReturnType<typeof memoryEvents>);
    await expect(processBatch(unhealthy, crashing, at(3, 'req-1'), trace)).rejects.toThrow('Runtime exited');
    const events = memoryEvents();
    const ports = { ...crashing, events };
    // Act: a concurrent invocation (another request) while the lease runs, then the retry (same request id)
    const other = await processBatch(batch(reading(4, 150)), ports, at(3.5, 'req-2'), trace);
    const retry = await processBatch(unhealthy, ports, at(4, 'req-1'), trace);
    const later = await processBatch(unhealthy, ports, at(5, 'req-3'), trace);
    // Assess
    expect(other.raised).toBe(0);
    expect(retry.raised).toBe(1);
    expect(later.raised).toBe(0);
    expect(events.published.map((e) => e.type)).toEqual(['AlertRaised']);
  });

  it('a crashed invocation whose retries never come is published by the zone’s next batch after the lease', async () => {
    // Prepare
    const crashing = memoryPorts({ published: [], publish: () => Promise.reject(new Error('timeout')) } as ReturnType<typeof memoryEvents>);
    await expect(processBatch(unhealthy, crashing, at(3, 'req-1'), trace)).rejects.toThrow('timeout');
    const events = memoryEvents();
    // Act
    const next = await processBatch(batch(reading(6, 150)), { ...crashing, events }, at(3 + LEASE / MINUTE + 0.1, 'req-9'), trace);
    // Assess
    expect(next.raised).toBe(1);
    expect(events.published[0].data.alertId).toBe(`city-lyon:zone-aqi:presquile:${T0}`);
  });

  it('a refused publish keeps the event in the outbox, releases it and fails the invocation', async () => {
    // Prepare
    const refusing = memoryPorts(memoryEvents(() => true));
    // Act
    const failed = processBatch(unhealthy, refusing, at(3, 'req-1'), trace);
    // Assess
    await expect(failed).rejects.toBeInstanceOf(AlertPublishError);
    const [entry] = refusing.states.items.get('city-lyon/presquile')!.outbox;
    expect(entry).toMatchObject({ type: 'AlertRaised', owner: 'req-1', leaseUntil: 0 });
    // and any invocation may publish it at once
    const events = memoryEvents();
    await processBatch(batch(reading(4, 30)), { ...refusing, events }, at(3.2, 'req-2'), trace);
    expect(events.published.map((e) => e.type)).toEqual(['AlertRaised']);
  });

  it('raise and resolution in one batch are projected and published in that order', async () => {
    // Prepare
    const ports = memoryPorts();
    const history = batch(reading(0, 120), reading(1, 130), reading(2, 140), reading(3, 40), reading(14, 45));
    // Act
    const outcome = await processBatch(history, ports, at(15, 'req-1'), trace);
    // Assess
    expect(outcome).toMatchObject({ raised: 1, resolved: 1 });
    expect(ports.events.published.map((e) => e.type)).toEqual(['AlertRaised', 'AlertResolved']);
    expect(ports.records.applied.map((e) => e.type)).toEqual(['AlertRaised', 'AlertResolved']);
  });

  it('gives up after bounded conflicts, failing the invocation for a retry', async () => {
    // Prepare
    const ports = memoryPorts();
    ports.states.save = async () => 'conflict';
    // Act
    const outcome = processBatch(unhealthy, ports, at(3, 'req-1'), trace);
    // Assess
    await expect(outcome).rejects.toBeInstanceOf(WriteContentionError);
    expect(ports.events.published).toHaveLength(0);
    expect(MAX_WRITE_ATTEMPTS).toBe(5);
  });
});
