/**
 * The environment variable names a deployer sets for a function's `environment` needs, so
 * CDK, the local runtime and the handlers agree on spelling.
 */
export const BUS_NAME_ENV = 'PULSE_BUS_NAME';

/** 'Readings' → 'PULSE_TABLE_READINGS', 'ZoneStatus' → 'PULSE_TABLE_ZONE_STATUS'. */
export function tableNameEnv(table: string): string {
  return `PULSE_TABLE_${screamingSnake(table)}`;
}

/** 'alerts' → 'PULSE_TOPIC_ALERTS_ARN'. */
export function topicArnEnv(topic: string): string {
  return `PULSE_TOPIC_${screamingSnake(topic)}_ARN`;
}

/** Reads a required variable, failing at cold start with the name of what is missing. */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${name}`);
  return value;
}

function screamingSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
