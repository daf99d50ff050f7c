import { AlertRaisedV1, AlertResolvedV1, createDetail } from '@pulse/schemas';
import { MINUTE, T0, zoneReading as r } from '../testing/zone-readings';
import { parseAlertRules } from './alert-rules';
import { evaluateZone, type EvaluationContext } from './evaluate-zone';
import type { ZoneReading } from './zone-readings';
import { initialZoneState, type OutboxEntry, type ZoneState } from './zone-state';

const rules = parseAlertRules({}); // 3 readings in 5 minutes at AQI >= 101; resolve after 10 clean minutes
const LEASE = 60_000;
const context = (minute: number, owner = 'req-1'): EvaluationContext => ({ rules, now: T0 + minute * MINUTE, owner, leaseMs: LEASE });

/**
 * Evaluates, then does what the invocation would: stores the result (version + 1 when
 * written) and publishes the outbox, which leaves it empty. `emitted` is what was published.
 */
function evaluate(state: ZoneState, readings: ZoneReading[], minute: number, owner = 'req-1') {
  const { state: next, changed } = evaluateZone(state, readings, context(minute, owner));
  const published = { ...next, outbox: [], version: changed ? next.version + 1 : next.version };
  return { state: published, changed, emitted: next.outbox };
}

const stored = (): ZoneState => ({ ...initialZoneState('city-lyon', 'presquile'), version: 1 });
const events = (emitted: readonly OutboxEntry[], type: 'AlertRaised' | 'AlertResolved') => emitted.filter((e) => e.type === type);

function openAlert(): ZoneState {
  return evaluate(stored(), [r(0, 120), r(1, 130, 'sensor-2'), r(2, 162)], 2).state;
}

describe('evaluateZone: raise', () => {
  it('goes pending on the first exceedances and raises on the third within five minutes', () => {
    // Prepare
    const start = stored();
    // Act
    const pending = evaluate(start, [r(0, 120), r(1, 130, 'sensor-2')], 1);
    const raised = evaluate(pending.state, [r(2, 162)], 2);
    // Assess
    expect(pending.changed).toBe(true);
    expect(pending.state.status).toBe('pending');
    expect(pending.emitted).toEqual([]);
    expect(pending.state.exceedances).toHaveLength(2);
    expect(raised.state.status).toBe('open');
    const [entry] = events(raised.emitted, 'AlertRaised');
    expect(entry.data).toEqual({
      alertId: `city-lyon:zone-aqi:presquile:${T0}`,
      kind: 'zone-aqi',
      fleetId: 'city-lyon',
      zoneId: 'presquile',
      level: 'Unhealthy',
      severity: 3,
      aqi: 162,
      dominant: 'pm25',
      firstTs: T0,
      lastTs: T0 + 2 * MINUTE,
      readingIds: [`sensor-1@${T0}`, `sensor-2@${T0 + MINUTE}`, `sensor-1@${T0 + 2 * MINUTE}`],
      raisedAt: T0 + 2 * MINUTE,
    });
    expect(entry).toMatchObject({ owner: 'req-1', leaseUntil: T0 + 2 * MINUTE + LEASE });
    const detail = createDetail(AlertRaisedV1, entry.data, { batchId: 'b-1', correlationId: 'c-1', producedAt: '2026-01-01T08:02:00Z' });
    expect(AlertRaisedV1.validate(detail).ok).toBe(true);
  });

  it('does not raise when the exceedances span more than the window', () => {
    // Act
    const { state, emitted } = evaluate(stored(), [r(0, 120), r(3, 130), r(6, 140)], 6);
    // Assess: at minute 6 only minutes 3 and 6 are within five minutes
    expect(state.status).toBe('pending');
    expect(state.exceedances.map((e) => e.ts)).toEqual([T0 + 3 * MINUTE, T0 + 6 * MINUTE]);
    expect(emitted).toEqual([]);
  });

  it('counts a late exceedance inside the window, by reading time', () => {
    // Act: minute 0 arrives last
    const first = evaluate(stored(), [r(2, 120), r(4, 125)], 4);
    const late = evaluate(first.state, [r(0, 110, 'sensor-9')], 5);
    // Assess
    expect(late.state.status).toBe('open');
    expect(events(late.emitted, 'AlertRaised')[0].data).toMatchObject({ firstTs: T0, lastTs: T0 + 4 * MINUTE, alertId: `city-lyon:zone-aqi:presquile:${T0}` });
  });

  it('uses the configured rule', () => {
    // Prepare
    const strict = parseAlertRules({ PULSE_ALERT_MIN_READINGS: '2', PULSE_ALERT_WINDOW_MINUTES: '1', PULSE_ALERT_LEVEL_AQI: '151' });
    // Act
    const below = evaluateZone(stored(), [r(0, 150), r(0.5, 150)], { ...context(1), rules: strict });
    const above = evaluateZone(stored(), [r(0, 151), r(0.5, 160)], { ...context(1), rules: strict });
    // Assess
    expect(below.changed).toBe(false);
    expect(above.state.status).toBe('open');
  });
});

describe('evaluateZone: writes only what matters', () => {
  it('writes nothing for clean readings while no alert is open', () => {
    // Act
    const clear = evaluate(stored(), [r(0, 40), r(1, 99)], 1);
    const pending = evaluate(stored(), [r(0, 120)], 0);
    const cleanWhilePending = evaluate(pending.state, [r(1, 30), r(2, 45)], 2);
    // Assess
    expect(clear.changed).toBe(false);
    expect(cleanWhilePending.changed).toBe(false);
  });

  it('writes a zone seen for the first time once, so the read API knows it', () => {
    // Act
    const first = evaluate(initialZoneState('city-lyon', 'croix-rousse'), [r(0, 40)], 0);
    const again = evaluate(first.state, [r(1, 42)], 1);
    // Assess
    expect(first.changed).toBe(true);
    expect(first.state).toMatchObject({ status: 'clear', version: 1 });
    expect(again.changed).toBe(false);
  });

  it('is idempotent: re-evaluating the same batch (a retry) changes nothing and emits nothing twice', () => {
    // Prepare
    const batch = [r(0, 120), r(1, 130), r(2, 162)];
    const once = evaluate(stored(), batch, 2);
    // Act
    const retried = evaluate(once.state, batch, 3);
    const pending = evaluate(stored(), batch.slice(0, 2), 1);
    const pendingRetried = evaluate(pending.state, batch.slice(0, 2), 2);
    // Assess
    expect(events(once.emitted, 'AlertRaised')).toHaveLength(1);
    expect(retried.changed).toBe(false);
    expect(retried.emitted).toEqual([]);
    expect(pendingRetried.changed).toBe(false);
  });

  it('names the alert the same whichever concurrent invocation evaluates it', () => {
    // Prepare
    const pending = evaluate(stored(), [r(0, 120), r(1, 130)], 1).state;
    // Act
    const a = evaluate(pending, [r(2, 162)], 2, 'req-a').emitted;
    const b = evaluate(pending, [r(2, 162)], 2, 'req-b').emitted;
    // Assess
    expect(events(a, 'AlertRaised')[0].data.alertId).toBe(events(b, 'AlertRaised')[0].data.alertId);
  });
});

describe('evaluateZone: sustain and resolve', () => {
  it('sustains an open alert without raising again', () => {
    // Act
    const sustained = evaluate(openAlert(), [r(3, 170), r(4, 180)], 4);
    // Assess
    expect(sustained.changed).toBe(true);
    expect(sustained.state.alert?.lastTs).toBe(T0 + 4 * MINUTE);
    expect(sustained.emitted).toEqual([]);
  });

  it('resolves once readings stayed below the level for ten minutes of reading time', () => {
    // Prepare
    const open = openAlert();
    // Act
    const started = evaluate(open, [r(3, 80)], 3);
    const nineMinutes = evaluate(started.state, [r(6, 60), r(12, 55)], 12);
    const tenMinutes = evaluate(nineMinutes.state, [r(13, 48, 'sensor-3')], 13);
    // Assess
    expect(started.changed).toBe(true);
    expect(started.state.alert?.cleanSince).toEqual({ ts: T0 + 3 * MINUTE, readingId: `sensor-1@${T0 + 3 * MINUTE}` });
    expect(nineMinutes.changed).toBe(false);
    expect(tenMinutes.state).toMatchObject({ status: 'clear', resolvedThroughTs: T0 + 13 * MINUTE });
    expect(tenMinutes.state.alert).toBeUndefined();
    const [entry] = events(tenMinutes.emitted, 'AlertResolved');
    expect(entry.data).toEqual({
      alertId: `city-lyon:zone-aqi:presquile:${T0}`,
      kind: 'zone-aqi',
      fleetId: 'city-lyon',
      zoneId: 'presquile',
      level: 'Good',
      severity: 0,
      aqi: 48,
      dominant: 'pm25',
      firstTs: T0,
      lastTs: T0 + 13 * MINUTE,
      readingIds: [`sensor-1@${T0 + 3 * MINUTE}`, `sensor-3@${T0 + 13 * MINUTE}`],
      raisedAt: T0 + 2 * MINUTE,
      resolvedAt: T0 + 13 * MINUTE,
    });
    const detail = createDetail(AlertResolvedV1, entry.data, { batchId: 'b-2', correlationId: 'c-1', producedAt: '2026-01-01T08:13:00Z' });
    expect(AlertResolvedV1.validate(detail).ok).toBe(true);
  });

  it('hysteresis: an exceedance inside the clean span starts the ten minutes again', () => {
    // Act
    const state = evaluate(openAlert(), [r(3, 80), r(8, 120), r(9, 70), r(17, 60)], 17).state;
    // Assess: clean since minute 9 only, 8 minutes so far
    expect(state.status).toBe('open');
    expect(state.alert).toMatchObject({ lastTs: T0 + 8 * MINUTE, cleanSince: { ts: T0 + 9 * MINUTE } });
  });

  it('a flapping zone raises once and does not resolve every minute', () => {
    // Prepare: dirty and clean minute after minute for an hour
    const flapping = Array.from({ length: 60 }, (_, minute) => r(minute, minute % 2 === 0 ? 140 : 60));
    // Act: one batch per minute
    let state = stored();
    const emitted: OutboxEntry[] = [];
    for (const reading of flapping) {
      const step = evaluate(state, [reading], (reading.ts - T0) / MINUTE);
      state = step.state;
      emitted.push(...step.emitted);
    }
    // Assess
    expect(events(emitted, 'AlertRaised')).toHaveLength(1);
    expect(events(emitted, 'AlertResolved')).toHaveLength(0);
    expect(state.status).toBe('open');
  });

  it('raises again after a resolution with a new alert id', () => {
    // Prepare
    const resolved = evaluate(openAlert(), [r(3, 60), r(13, 60)], 13).state;
    // Act
    const again = evaluate(resolved, [r(20, 130), r(21, 140), r(22, 150)], 22).emitted;
    // Assess
    const raised = events(again, 'AlertRaised').map((e) => e.data.alertId);
    expect(raised).toEqual([`city-lyon:zone-aqi:presquile:${T0 + 20 * MINUTE}`]);
  });
});

describe('evaluateZone: out-of-order readings', () => {
  it('late exceedances older than the resolution do not reopen', () => {
    // Prepare
    const resolved = evaluate(openAlert(), [r(3, 60), r(13, 60)], 13).state;
    // Act: three dirty readings from before the resolution arrive late
    const late = evaluate(resolved, [r(5, 150, 'late-1'), r(6, 150, 'late-2'), r(13, 150, 'late-3')], 14);
    // Assess
    expect(late.changed).toBe(false);
    expect(late.state.status).toBe('clear');
  });

  it('a late clean reading older than the latest exceedance does not count towards resolving', () => {
    // Prepare
    const open = evaluate(openAlert(), [r(15, 60)], 15).state; // clean since 15 (last exceedance at 2)
    // Act: a clean reading from minute 1 arrives late, then minute 20
    const late = evaluate(open, [r(1, 40, 'late-1')], 16);
    const later = evaluate(late.state, [r(20, 40)], 20);
    // Assess: 20 - 15 = 5 minutes clean, still open
    expect(late.changed).toBe(false);
    expect(later.state.status).toBe('open');
  });

  it('a late exceedance older than the clean span leaves the span intact', () => {
    // Prepare
    const open = evaluate(openAlert(), [r(5, 60)], 5).state;
    // Act: an exceedance from minute 4 arrives after the clean reading of minute 5
    const late = evaluate(open, [r(4, 120, 'late-1')], 6).state;
    const resolved = evaluate(late, [r(15, 60)], 15).state;
    // Assess
    expect(late.alert).toMatchObject({ lastTs: T0 + 4 * MINUTE, cleanSince: { ts: T0 + 5 * MINUTE } });
    expect(resolved.status).toBe('clear');
  });
});
