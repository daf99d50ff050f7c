import { MAX_ALERT_READING_IDS } from '@pulse/schemas';

/** The zone alert rule: when to raise, and how long a zone must stay clean to resolve. */
export interface AlertRules {
  /** Raise when at least this many readings of a zone… */
  readonly minReadings: number;
  /** …within this span of reading time (ms)… */
  readonly windowMs: number;
  /** …are at or above this AQI value (101 = "Unhealthy for Sensitive Groups"). */
  readonly levelAqi: number;
  /** Resolve when the zone's readings stay below the level for this long (ms): hysteresis. */
  readonly resolveMs: number;
}

/** Per-environment configuration, set as variables on the function (see service.ts). */
export const ALERT_RULE_ENV = {
  minReadings: 'PULSE_ALERT_MIN_READINGS',
  windowMinutes: 'PULSE_ALERT_WINDOW_MINUTES',
  levelAqi: 'PULSE_ALERT_LEVEL_AQI',
  resolveMinutes: 'PULSE_ALERT_RESOLVE_MINUTES',
} as const;

export const ALERT_RULE_DEFAULTS = { minReadings: 3, windowMinutes: 5, levelAqi: 101, resolveMinutes: 10 } as const;

const MINUTE_MS = 60_000;

/**
 * Reads the rules from the environment, defaults for what is unset. A malformed value fails
 * at cold start naming the variable, rather than silently alerting on the wrong threshold.
 */
export function parseAlertRules(env: Readonly<Record<string, string | undefined>>): AlertRules {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be an integer in ${min}–${max}, got '${text}'`);
    }
    return value;
  };
  return {
    // The raise evidence (readingIds) is capped by the contract, so N cannot exceed it.
    minReadings: read(ALERT_RULE_ENV.minReadings, ALERT_RULE_DEFAULTS.minReadings, 1, MAX_ALERT_READING_IDS),
    windowMs: read(ALERT_RULE_ENV.windowMinutes, ALERT_RULE_DEFAULTS.windowMinutes, 1, 24 * 60) * MINUTE_MS,
    levelAqi: read(ALERT_RULE_ENV.levelAqi, ALERT_RULE_DEFAULTS.levelAqi, 1, 999),
    resolveMs: read(ALERT_RULE_ENV.resolveMinutes, ALERT_RULE_DEFAULTS.resolveMinutes, 1, 24 * 60) * MINUTE_MS,
  };
}

/** The defaults as function variables, so the declaration documents them. */
export function defaultRuleVariables(): Record<string, string> {
  return {
    [ALERT_RULE_ENV.minReadings]: String(ALERT_RULE_DEFAULTS.minReadings),
    [ALERT_RULE_ENV.windowMinutes]: String(ALERT_RULE_DEFAULTS.windowMinutes),
    [ALERT_RULE_ENV.levelAqi]: String(ALERT_RULE_DEFAULTS.levelAqi),
    [ALERT_RULE_ENV.resolveMinutes]: String(ALERT_RULE_DEFAULTS.resolveMinutes),
  };
}
