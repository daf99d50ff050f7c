import { ReadingsNormalizedV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { patternFor, type RetryPolicy, type SubscriptionDeclaration } from '@pulse/service-kit';

export const NORMALIZE_FUNCTION = 'normalize-readings';
export const DEAD_LETTER_QUEUE = 'transform-dlq';

/**
 * 4 retries within 1 hour instead of EventBridge's 185 / 24 h. Transform is pure apart
 * from PutEvents, and the publisher already retries throttled or failed entries 4 times
 * with backoff inside one invocation; what still fails is either a bad event (retrying
 * never helps) or an outage, and after an hour a reading is too stale for real-time
 * alerting: the dead-letter queue keeps it, with its reason, for `replay` once fixed.
 */
export const RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 };

export const subscriptions = [
  {
    rule: 'transform-readings-received',
    description: 'Every batch ingest accepted, to be normalised',
    pattern: patternFor(ReadingsReceivedV1),
    consumes: [ReadingsReceivedV1],
    target: { kind: 'function', function: NORMALIZE_FUNCTION },
    retryPolicy: RETRY_POLICY,
    deadLetterQueue: DEAD_LETTER_QUEUE,
  },
] as const satisfies readonly SubscriptionDeclaration<typeof NORMALIZE_FUNCTION>[];

export const emits = [ReadingsNormalizedV1];
