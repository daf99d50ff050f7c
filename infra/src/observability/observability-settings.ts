import type { EnvName } from '../config/environment-settings';

/** What the environment's dashboard and its own alarms need beyond the per-service alarm thresholds. */
export interface ObservabilitySettings {
  /** Alarm when the p99 of ingest-accepted → persist-stored latency exceeds this, over 5 min, 3 times in a row. */
  readonly endToEndLatencyP99Ms: number;
}

/**
 * Per environment, tighter towards prod like the per-service thresholds. Kept here rather than in
 * EnvironmentSettings (config/, another engineer's room); it can move there as an optional field.
 */
export const OBSERVABILITY_SETTINGS: Readonly<Record<EnvName, ObservabilitySettings>> = {
  dev: { endToEndLatencyP99Ms: 5_000 },
  staging: { endToEndLatencyP99Ms: 2_000 },
  prod: { endToEndLatencyP99Ms: 1_000 },
};
