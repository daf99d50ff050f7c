/**
 * Alert rule defaults (apps/alert/src/domain/alert-rules.ts reads these names at cold start).
 * Spelled here rather than imported: infra sets per-environment values, the alert service
 * only parses them, and its module does not export the names.
 */
export const ALERT_RULE_VARIABLES: Readonly<Record<string, string>> = {
  PULSE_ALERT_MIN_READINGS: '3',
  PULSE_ALERT_WINDOW_MINUTES: '5',
  PULSE_ALERT_LEVEL_AQI: '101',
  PULSE_ALERT_RESOLVE_MINUTES: '10',
};
