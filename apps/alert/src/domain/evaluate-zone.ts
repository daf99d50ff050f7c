import { AQI_CATEGORIES, MAX_ALERT_READING_IDS, type AlertRaisedV1Data, type AlertResolvedV1Data, type AqiCategory } from '@pulse/schemas';
import { zoneAlertId } from './alert-id';
import type { AlertRules } from './alert-rules';
import { claimOutbox, type LeaseContext } from './outbox';
import { byReadingTime, type ZoneReading } from './zone-readings';
import type { Exceedance, OpenAlert, OutboxEntry, ZoneState } from './zone-state';

export interface EvaluationContext extends LeaseContext {
  readonly rules: AlertRules;
}

export interface Evaluation {
  readonly state: ZoneState;
  /** Whether the state must be written. False whenever the readings changed nothing that matters. */
  readonly changed: boolean;
}

/**
 * The zone alert state machine: clear → pending (exceedances within the window) → open
 * (≥ N exceedances within M minutes of reading time) → clear again once readings stayed below
 * the level for K minutes of reading time (hysteresis). Pure: time comes in the context.
 *
 * Every step returns the same object when nothing changed, so `changed` is exact and a
 * re-delivered batch (retry) writes and emits nothing. Readings at or before what the state
 * already settled (an alert's latest exceedance, the last resolution) never reopen or resolve.
 */
export function evaluateZone(state: ZoneState, readings: readonly ZoneReading[], context: EvaluationContext): Evaluation {
  const outbox = claimOutbox(state.outbox, context);
  let next: ZoneState = outbox === state.outbox ? state : { ...state, outbox };
  for (const reading of readings) next = step(next, reading, context);
  // A zone seen for the first time is written once, so the read API knows the zone exists.
  return { state: next, changed: state.version === 0 || next !== state };
}

function step(state: ZoneState, reading: ZoneReading, context: EvaluationContext): ZoneState {
  const exceeds = reading.aqi >= context.rules.levelAqi;
  if (state.alert) return exceeds ? sustain(state, state.alert, reading) : cleanWhileOpen(state, state.alert, reading, context);
  // While no alert is open, clean readings change nothing: the rule counts exceedances only.
  if (!exceeds || reading.ts <= state.resolvedThroughTs) return state;
  return accumulate(state, reading, context);
}

function accumulate(state: ZoneState, reading: ZoneReading, context: EvaluationContext): ZoneState {
  if (state.exceedances.some((e) => e.readingId === reading.readingId)) return state;
  const added: Exceedance = { readingId: reading.readingId, ts: reading.ts, aqi: reading.aqi, category: reading.category, dominant: reading.dominant };
  const all = [...state.exceedances, added].sort(byReadingTime);
  const newest = all[all.length - 1].ts;
  const window = all.filter((e) => e.ts >= newest - context.rules.windowMs).slice(-MAX_ALERT_READING_IDS);
  // A late exceedance outside the window of the newer ones counts for nothing.
  if (!window.includes(added)) return state;
  if (window.length < context.rules.minReadings) return { ...state, status: 'pending', exceedances: window };
  return raise(state, window, context);
}

function raise(state: ZoneState, window: readonly Exceedance[], context: EvaluationContext): ZoneState {
  const first = window[0];
  const last = window[window.length - 1];
  // The alert's level is the worst reading of the window that raised it: a burst of
  // "Unhealthy" inside a USG window must reach the pager rule (severity >= 3).
  const peak = window.reduce((worst, e) => (e.aqi > worst.aqi ? e : worst));
  const alert: OpenAlert = {
    alertId: zoneAlertId(state.fleetId, state.zoneId, first.ts),
    firstTs: first.ts,
    lastTs: last.ts,
    raisedAt: context.now,
    level: peak.category,
    severity: severityOf(peak.category),
    aqi: peak.aqi,
    dominant: peak.dominant,
  };
  const data: AlertRaisedV1Data = {
    alertId: alert.alertId,
    kind: 'zone-aqi',
    fleetId: state.fleetId,
    zoneId: state.zoneId,
    level: alert.level,
    severity: alert.severity,
    aqi: alert.aqi,
    dominant: alert.dominant,
    firstTs: alert.firstTs,
    lastTs: alert.lastTs,
    readingIds: window.map((e) => e.readingId),
    raisedAt: alert.raisedAt,
  };
  const entry: OutboxEntry = { key: `AlertRaised:${alert.alertId}`, type: 'AlertRaised', data, ...lease(context) };
  return { ...state, status: 'open', exceedances: [], alert, outbox: [...state.outbox, entry] };
}

function sustain(state: ZoneState, alert: OpenAlert, reading: ZoneReading): ZoneState {
  const lastTs = Math.max(alert.lastTs, reading.ts);
  // An exceedance inside the clean span breaks it: the K minutes start again.
  const breaksClean = alert.cleanSince !== undefined && reading.ts >= alert.cleanSince.ts;
  if (lastTs === alert.lastTs && !breaksClean) return state;
  return { ...state, alert: breaksClean ? withoutCleanSpan(alert, lastTs) : { ...alert, lastTs } };
}

function withoutCleanSpan(alert: OpenAlert, lastTs: number): OpenAlert {
  const next: Mutable<OpenAlert> = { ...alert, lastTs };
  delete next.cleanSince;
  return next;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function cleanWhileOpen(state: ZoneState, alert: OpenAlert, reading: ZoneReading, context: EvaluationContext): ZoneState {
  // Clean before the latest exceedance says nothing about recovery (late or out of order).
  if (reading.ts <= alert.lastTs) return state;
  const since = alert.cleanSince && alert.cleanSince.ts <= reading.ts ? alert.cleanSince : { ts: reading.ts, readingId: reading.readingId };
  if (reading.ts - since.ts >= context.rules.resolveMs) return resolve(state, alert, since.readingId, reading, context);
  if (since === alert.cleanSince) return state;
  return { ...state, alert: { ...alert, cleanSince: since } };
}

function resolve(state: ZoneState, alert: OpenAlert, cleanSinceId: string, reading: ZoneReading, context: EvaluationContext): ZoneState {
  const data: AlertResolvedV1Data = {
    alertId: alert.alertId,
    kind: 'zone-aqi',
    fleetId: state.fleetId,
    zoneId: state.zoneId,
    // "At the latest evaluation": the reading that closed the clean span.
    level: reading.category,
    severity: severityOf(reading.category),
    aqi: reading.aqi,
    dominant: reading.dominant,
    firstTs: alert.firstTs,
    lastTs: reading.ts,
    // Evidence of the clean span: its first and its last reading.
    readingIds: [...new Set([cleanSinceId, reading.readingId])],
    raisedAt: alert.raisedAt,
    resolvedAt: context.now,
  };
  const entry: OutboxEntry = { key: `AlertResolved:${alert.alertId}`, type: 'AlertResolved', data, ...lease(context) };
  const next: Mutable<ZoneState> = { ...state, status: 'clear', exceedances: [], resolvedThroughTs: reading.ts, outbox: [...state.outbox, entry] };
  delete next.alert;
  return next;
}

function lease(context: LeaseContext): { owner: string; leaseUntil: number } {
  return { owner: context.owner, leaseUntil: context.now + context.leaseMs };
}

export function severityOf(category: AqiCategory): number {
  return AQI_CATEGORIES.indexOf(category);
}
