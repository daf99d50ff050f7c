import { ReadingsEnrichedV1, ReadingsStoredV1 } from '@pulse/schemas';
import { patternFor, type SubscriptionDeclaration } from '@pulse/service-kit';

export const PERSIST_DLQ = 'persist-dlq';

/**
 * Every ReadingsEnriched batch goes to store-readings. Retry policy: a batch that cannot
 * be delivered for 2 hours (24 attempts) goes to the DLQ rather than waiting the default
 * 24 h: by then an operator is needed anyway, the DLQ keeps the batch with its reason,
 * and replaying it is safe because every write is idempotent (readings overwrite
 * themselves, ZoneStatus writes are conditional on being newer).
 */
export const subscriptions = [
  {
    rule: 'persist-readings-enriched',
    description: 'Store enriched readings and update zone statuses',
    pattern: patternFor(ReadingsEnrichedV1),
    consumes: [ReadingsEnrichedV1],
    target: { kind: 'function', function: 'store-readings' },
    retryPolicy: { maximumRetryAttempts: 24, maximumEventAgeSeconds: 7200 },
    deadLetterQueue: PERSIST_DLQ,
  },
] as const satisfies readonly SubscriptionDeclaration<'store-readings'>[];

export const emits = [ReadingsStoredV1];
