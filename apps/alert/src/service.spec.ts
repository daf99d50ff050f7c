import { buildOpenApi, tableNameEnv, validateServices } from '@pulse/service-kit';
import { ALERT_RULE_DEFAULTS, parseAlertRules } from './domain/alert-rules';
import { OUTBOX_LEASE_MS } from './function-limits';
import { service } from './index';

describe('alert declaration', () => {
  it('passes the cross-service checks', () => {
    // Act / Assess
    expect(() => validateServices([service])).not.toThrow();
  });

  it('documents GET /v1/alerts with its query parameters and list body', () => {
    // Act
    const doc = buildOpenApi([service], { title: 'Pulse', version: '1' });
    const operation = (doc.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>)['/v1/alerts']?.get;
    // Assess
    expect(operation?.parameters?.map((p) => p.name)).toEqual(['status', 'zoneId', 'limit', 'cursor']);
  });

  it('declares the rule defaults on evaluate-readings, and they parse to the documented rule', () => {
    // Prepare
    const evaluate = service.functions.find((f) => f.name === 'evaluate-readings');
    // Act
    const rules = parseAlertRules(evaluate?.environment?.variables ?? {});
    // Assess
    expect(rules).toEqual({ minReadings: 3, windowMs: 5 * 60_000, levelAqi: 101, resolveMs: 10 * 60_000 });
    expect(ALERT_RULE_DEFAULTS.levelAqi).toBe(101);
  });

  it('rejects a malformed rule variable by name', () => {
    // Act / Assess
    expect(() => parseAlertRules({ PULSE_ALERT_LEVEL_AQI: 'high' })).toThrow("PULSE_ALERT_LEVEL_AQI must be an integer in 1–999, got 'high'");
    expect(() => parseAlertRules({ PULSE_ALERT_MIN_READINGS: '101' })).toThrow(/PULSE_ALERT_MIN_READINGS/);
  });

  it('holds outbox leases longer than the function can run', () => {
    // Prepare
    const evaluate = service.functions.find((f) => f.name === 'evaluate-readings');
    // Act / Assess
    expect(OUTBOX_LEASE_MS).toBeGreaterThan((evaluate?.timeoutSeconds ?? Infinity) * 1000);
  });

  it('keys every table by fleet first', () => {
    // Act / Assess
    for (const table of service.tables ?? []) expect(table.partitionKey.name).toBe('fleetId');
    expect(service.functions.flatMap((f) => f.environment?.tables ?? []).map((t) => tableNameEnv(t.table))).toContain('PULSE_TABLE_ALERT_STATE');
  });
});
