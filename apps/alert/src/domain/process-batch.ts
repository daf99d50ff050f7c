import type { ReadingsEnrichedV1Data } from '@pulse/schemas';
import { evaluateZone, type EvaluationContext } from './evaluate-zone';
import { entriesToPublish, settleOutbox } from './outbox';
import type { AlertPorts } from './ports';
import { readingsByZone, type ZoneReading } from './zone-readings';
import { initialZoneState, type ZoneState } from './zone-state';

/** Optimistic-concurrency rounds per zone before the invocation fails (and is retried). */
export const MAX_WRITE_ATTEMPTS = 5;

export interface BatchOutcome {
  readonly zones: number;
  readonly writes: number;
  readonly conflicts: number;
  readonly raised: number;
  readonly resolved: number;
}

export class WriteContentionError extends Error {
  override readonly name = 'WriteContentionError';
  constructor(fleetId: string, zoneId: string) {
    super(`AlertState ${fleetId}/${zoneId}: still conflicting after ${MAX_WRITE_ATTEMPTS} conditional writes`);
  }
}

export class AlertPublishError extends Error {
  override readonly name = 'AlertPublishError';
  constructor(readonly failed: readonly string[]) {
    super(`${failed.length} alert event(s) not published, kept in the outbox for the retry: ${failed.join(', ')}`);
  }
}

/**
 * One ReadingsEnriched batch: per zone, read the state once, evaluate every reading, write
 * once if something mattered (conditional on the version read; on conflict re-read and
 * re-evaluate). Events are published only after the write that decided them succeeded, from
 * the outbox it wrote, and removed from it once accepted: a crash in between leaves them for
 * the retry, a concurrent invocation never publishes them twice.
 */
export async function processBatch(
  batch: ReadingsEnrichedV1Data,
  ports: AlertPorts,
  context: EvaluationContext,
  trace: { correlationId: string; causationId?: string },
): Promise<BatchOutcome> {
  const zones = readingsByZone(batch.readings);
  const loaded = await ports.states.load(batch.fleetId, [...zones.keys()]);
  const counters = { writes: 0, conflicts: 0 };
  const settled = await Promise.all(
    [...zones].map(([zoneId, readings]) =>
      evaluateAndSave(loaded.get(zoneId) ?? initialZoneState(batch.fleetId, zoneId), readings, ports, context, counters),
    ),
  );
  const due = settled.flatMap((state) => entriesToPublish(state, context.owner, context.now));
  // Raised before resolved, so the projection and subscribers never see a resolution first.
  const ordered = [...due.filter((e) => e.type === 'AlertRaised'), ...due.filter((e) => e.type === 'AlertResolved')];
  for (const entry of ordered) await ports.records.apply(entry);
  const { failed } = ordered.length > 0 ? await ports.events.publish(ordered, trace) : { failed: new Set<string>() };
  const published = new Set(ordered.map((e) => e.key).filter((key) => !failed.has(key)));
  await Promise.all(settled.filter((s) => s.outbox.length > 0).map((s) => settle(s, published, failed, ports, context, counters)));
  if (failed.size > 0) throw new AlertPublishError([...failed]);
  return {
    zones: zones.size,
    ...counters,
    raised: ordered.filter((e) => e.type === 'AlertRaised').length,
    resolved: ordered.filter((e) => e.type === 'AlertResolved').length,
  };
}

async function evaluateAndSave(
  initial: ZoneState,
  readings: readonly ZoneReading[],
  ports: AlertPorts,
  context: EvaluationContext,
  counters: { writes: number; conflicts: number },
): Promise<ZoneState> {
  let current = initial;
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const { state, changed } = evaluateZone(current, readings, context);
    if (!changed) return state;
    counters.writes += 1;
    const saved = await ports.states.save(state);
    if (saved !== 'conflict') return saved;
    counters.conflicts += 1;
    current = (await reload(ports, current)) ?? initialZoneState(current.fleetId, current.zoneId);
  }
  throw new WriteContentionError(initial.fleetId, initial.zoneId);
}

async function settle(
  written: ZoneState,
  published: ReadonlySet<string>,
  failed: ReadonlySet<string>,
  ports: AlertPorts,
  context: EvaluationContext,
  counters: { writes: number; conflicts: number },
): Promise<void> {
  let current: ZoneState | undefined = written;
  for (let attempt = 1; current && attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const { state, changed } = settleOutbox(current, context.owner, published, failed);
    if (!changed) return;
    counters.writes += 1;
    if ((await ports.states.save(state)) !== 'conflict') return;
    counters.conflicts += 1;
    current = await reload(ports, current);
  }
  if (current) throw new WriteContentionError(written.fleetId, written.zoneId);
}

async function reload(ports: AlertPorts, state: ZoneState): Promise<ZoneState | undefined> {
  return (await ports.states.load(state.fleetId, [state.zoneId])).get(state.zoneId);
}

