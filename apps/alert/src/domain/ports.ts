import type { OutboxEntry, ZoneState } from './zone-state';

/** AlertState: one item per fleet and zone, written only with optimistic concurrency. */
export interface ZoneStateStore {
  /** Strongly consistent reads of one fleet's zones; zones never stored are absent. */
  load(fleetId: string, zoneIds: readonly string[]): Promise<Map<string, ZoneState>>;
  /**
   * Writes `state` as version `state.version + 1` only if the stored version is still
   * `state.version` (0: no item yet). Resolves the stored state, or 'conflict' when another
   * invocation wrote first.
   */
  save(state: ZoneState): Promise<ZoneState | 'conflict'>;
}

/** The Alerts projection behind GET /v1/alerts; applying an entry twice is harmless. */
export interface AlertRecords {
  apply(entry: OutboxEntry): Promise<void>;
}

export interface PublishOutcome {
  /** Keys of entries that were not accepted (the others were). */
  readonly failed: ReadonlySet<string>;
}

/** Publishes AlertRaised / AlertResolved in the order given. */
export interface AlertEvents {
  publish(entries: readonly OutboxEntry[], trace: { correlationId: string; causationId?: string }): Promise<PublishOutcome>;
}

export interface AlertPorts {
  readonly states: ZoneStateStore;
  readonly records: AlertRecords;
  readonly events: AlertEvents;
}
