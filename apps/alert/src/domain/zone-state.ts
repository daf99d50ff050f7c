import type { AlertRaisedV1Data, AlertResolvedV1Data, AqiCategory, Pollutant } from '@pulse/schemas';

/** One reading at or above the level, remembered while the zone is pending. */
export interface Exceedance {
  readonly readingId: string;
  readonly ts: number;
  readonly aqi: number;
  readonly category: AqiCategory;
  readonly dominant: Pollutant;
}

/** The open alert of a zone: what AlertResolved needs later, without the raise evidence. */
export interface OpenAlert {
  readonly alertId: string;
  readonly firstTs: number;
  /** Latest exceedance seen (reading time): clean readings at or before it prove nothing. */
  readonly lastTs: number;
  readonly raisedAt: number;
  readonly level: AqiCategory;
  readonly severity: number;
  readonly aqi: number;
  readonly dominant: Pollutant;
  /** First clean reading after lastTs; resolution needs clean readings spanning resolveMs from it. */
  readonly cleanSince?: { readonly ts: number; readonly readingId: string };
}

/**
 * An event decided but not yet published (transactional outbox). It is written in the same
 * conditional write as the transition, so a crash after the write cannot lose it; the lease
 * keeps a concurrent invocation from publishing it a second time.
 */
export type OutboxEntry =
  | { readonly key: string; readonly type: 'AlertRaised'; readonly data: AlertRaisedV1Data; readonly owner: string; readonly leaseUntil: number }
  | { readonly key: string; readonly type: 'AlertResolved'; readonly data: AlertResolvedV1Data; readonly owner: string; readonly leaseUntil: number };

export type ZoneStatus = 'clear' | 'pending' | 'open';

/** Alert state per fleet and zone (AlertState item). `version` 0 means never stored. */
export interface ZoneState {
  readonly fleetId: string;
  readonly zoneId: string;
  readonly status: ZoneStatus;
  /** Exceedances within the window of the newest one, oldest first; empty unless pending. */
  readonly exceedances: readonly Exceedance[];
  /** Reading time of the last resolution: readings at or before it never start a new alert. */
  readonly resolvedThroughTs: number;
  readonly alert?: OpenAlert;
  readonly outbox: readonly OutboxEntry[];
  readonly version: number;
}

export function initialZoneState(fleetId: string, zoneId: string): ZoneState {
  return { fleetId, zoneId, status: 'clear', exceedances: [], resolvedThroughTs: 0, outbox: [], version: 0 };
}
