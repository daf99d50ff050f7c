import { AlertRaisedV1, ReadingsEnrichedV1, ReadingsNormalizedV1, ReadingsReceivedV1, ReadingsStoredV1 } from '@pulse/schemas';

/** The reading path's events, in order, as the bus observer sees them. */
export const STAGES = ['received', 'normalized', 'enriched', 'stored'] as const;
export type Stage = (typeof STAGES)[number];

/** When one tracked reading passed each point (wall-clock ms, sub-ms resolution). */
export interface ReadingTimes {
  /** The request carrying it left the client. */
  sentAt: number;
  /** The client got the 202 (NaN until then). */
  ackAt: number;
  /** Ingest's `receivedAt` (its clock when the request reached the handler): HTTP accept. */
  acceptedAt: number;
  /** Arrival at the bus observer of the first event of each stage holding this reading. */
  received: number;
  normalized: number;
  enriched: number;
  stored: number;
}

/** An event as the bus observer gets it. */
export interface ObservedEvent {
  readonly 'detail-type': string;
  readonly detail: unknown;
}

/** Wall-clock ms with the resolution of `performance.now()`, comparable with `Date.now()` stamps. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * Follows tracked readings through the pipeline by their readingIds: every event the bus
 * accepts is offered to `observe` (wired to `bus.onEvent`), which stamps the first arrival of
 * each stage for each reading it knows, and the first `AlertRaised` of each tracked zone.
 * Readings are tracked before they are sent (readingIds are `<deviceId>@<epoch ms>`), since
 * ReadingsReceived reaches the bus before the client sees the 202.
 */
export class PipelineObserver {
  private readonly readings = new Map<string, ReadingTimes>();
  private readonly alertZones = new Map<string, number>();
  private storedCount = 0;
  private acceptedCount = 0;

  constructor(private readonly now: () => number = wallNow) {}

  /** Starts following these readings; their request leaves at `sentAt`. */
  track(readingIds: readonly string[], sentAt: number): void {
    for (const id of readingIds) {
      if (this.readings.has(id)) throw new Error(`reading ${id} is tracked twice: every bench reading must be new`);
      this.readings.set(id, { sentAt, ackAt: NaN, acceptedAt: NaN, received: NaN, normalized: NaN, enriched: NaN, stored: NaN });
    }
  }

  /** The client got the 202 for these readings at `at`. */
  acknowledge(readingIds: readonly string[], at: number): void {
    for (const id of readingIds) {
      const times = this.readings.get(id);
      if (times && Number.isNaN(times.ackAt)) {
        times.ackAt = at;
        this.acceptedCount += 1;
      }
    }
  }

  /** Watches for the first AlertRaised of this zone. */
  trackAlertZone(zoneId: string): void {
    this.alertZones.set(zoneId, NaN);
  }

  observe(event: ObservedEvent): void {
    const at = this.now();
    const data = (event.detail as { data?: Record<string, unknown> } | undefined)?.data;
    if (!data) return;
    switch (event['detail-type']) {
      case ReadingsReceivedV1.detailType:
        return this.stampReadings(data['readings'], 'received', at, typeof data['receivedAt'] === 'number' ? data['receivedAt'] : undefined);
      case ReadingsNormalizedV1.detailType:
        return this.stampReadings(data['readings'], 'normalized', at);
      case ReadingsEnrichedV1.detailType:
        return this.stampReadings(data['readings'], 'enriched', at);
      case ReadingsStoredV1.detailType:
        return this.stampIds(data['readingIds'], 'stored', at);
      case AlertRaisedV1.detailType: {
        const zoneId = data['zoneId'];
        if (typeof zoneId === 'string' && Number.isNaN(this.alertZones.get(zoneId))) this.alertZones.set(zoneId, at);
        return;
      }
      default:
        return;
    }
  }

  times(readingId: string): Readonly<ReadingTimes> | undefined {
    return this.readings.get(readingId);
  }

  /** Every tracked reading's stamps. */
  all(): IterableIterator<Readonly<ReadingTimes>> {
    return this.readings.values();
  }

  alertRaisedAt(zoneId: string): number {
    return this.alertZones.get(zoneId) ?? NaN;
  }

  /** Tracked readings: sent, acknowledged with a 202, and stored (a ReadingsStored named them). */
  counts(): { tracked: number; accepted: number; stored: number } {
    return { tracked: this.readings.size, accepted: this.acceptedCount, stored: this.storedCount };
  }

  /** Forgets every reading and zone (between runs: the maps stay small). */
  clear(): void {
    this.readings.clear();
    this.alertZones.clear();
    this.storedCount = 0;
    this.acceptedCount = 0;
  }

  private stampReadings(readings: unknown, stage: Stage, at: number, acceptedAt?: number): void {
    if (!Array.isArray(readings)) return;
    for (const reading of readings) {
      const id = (reading as { readingId?: unknown } | null)?.readingId;
      if (typeof id === 'string') this.stamp(id, stage, at, acceptedAt);
    }
  }

  private stampIds(ids: unknown, stage: Stage, at: number): void {
    if (!Array.isArray(ids)) return;
    for (const id of ids) if (typeof id === 'string') this.stamp(id, stage, at);
  }

  private stamp(id: string, stage: Stage, at: number, acceptedAt?: number): void {
    const times = this.readings.get(id);
    // First arrival only: a retried delivery republishes what was already seen.
    if (!times || !Number.isNaN(times[stage])) return;
    times[stage] = at;
    if (acceptedAt !== undefined) times.acceptedAt = acceptedAt;
    if (stage === 'stored') this.storedCount += 1;
  }
}
