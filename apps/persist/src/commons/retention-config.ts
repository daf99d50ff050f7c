/** Days a reading is kept; per environment (the deployer overrides the declared default). */
export const RETENTION_DAYS_ENV = 'PULSE_RETENTION_DAYS';
export const DEFAULT_RETENTION_DAYS = 30;

/** Fails at cold start on a bad value rather than storing readings with a wrong TTL. */
export function retentionDaysFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[RETENTION_DAYS_ENV];
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw new Error(`${RETENTION_DAYS_ENV} must be a whole number of days in 1–36500, got '${raw}'`);
  }
  return days;
}
