/**
 * How long EventBridge keeps retrying delivery to a target before the event goes to the
 * rule's dead-letter queue. EventBridge's own defaults when a target sets none are
 * 185 attempts and 24 hours (86 400 s); both are also the maxima.
 */
export interface RetryPolicy {
  /** 0–185; EventBridge default 185. */
  readonly maximumRetryAttempts: number;
  /** 60–86 400; EventBridge default 86 400 (24 h). */
  readonly maximumEventAgeSeconds: number;
}

export const RETRY_ATTEMPTS_RANGE = { min: 0, max: 185 } as const;
export const EVENT_AGE_SECONDS_RANGE = { min: 60, max: 86_400 } as const;

export const EVENTBRIDGE_DEFAULT_RETRY_POLICY: RetryPolicy = {
  maximumRetryAttempts: RETRY_ATTEMPTS_RANGE.max,
  maximumEventAgeSeconds: EVENT_AGE_SECONDS_RANGE.max,
};

/** The policy a subscription actually runs with: its own, or EventBridge's defaults. */
export function effectiveRetryPolicy(policy: Partial<RetryPolicy> | undefined): RetryPolicy {
  return { ...EVENTBRIDGE_DEFAULT_RETRY_POLICY, ...policy };
}

/** Problems with a retry policy, as messages; empty when it is valid. */
export function retryPolicyProblems(policy: Partial<RetryPolicy>): string[] {
  const problems: string[] = [];
  const { maximumRetryAttempts: attempts, maximumEventAgeSeconds: age } = policy;
  if (attempts !== undefined && !inRange(attempts, RETRY_ATTEMPTS_RANGE)) {
    problems.push(`maximumRetryAttempts ${attempts} is outside 0–185`);
  }
  if (age !== undefined && !inRange(age, EVENT_AGE_SECONDS_RANGE)) {
    problems.push(`maximumEventAgeSeconds ${age} is outside 60–86400`);
  }
  return problems;
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
