import { DeviceRegisteredV1, DeviceRetiredV1, ReadingsEnrichedV1, ReadingsNormalizedV1 } from '@pulse/schemas';
import { patternFor, type SubscriptionDeclaration } from '@pulse/service-kit';

export const DEAD_LETTER_QUEUE = 'enrich-dlq';

/**
 * Readings: 8 attempts within 1 hour. Failures worth retrying (DynamoDB or PutEvents
 * throttling, a deploy) heal in minutes; beyond that the batch is better kept in the DLQ with
 * its reason and replayed than retried for EventBridge's default 24 h, and a poison event
 * (invalid detail) reaches the DLQ within the hour instead of a day.
 *
 * Device events: EventBridge's maximum (185 attempts / 24 h). They are rare, and applying one
 * late is always correct (revision-guarded, idempotent), while giving up early leaves a
 * device unknown or stale until its next change.
 */
export const subscriptions = [
  {
    rule: 'enrich-readings-normalized',
    description: 'Normalized batches to enrich with device data, calibration and AQI.',
    pattern: patternFor(ReadingsNormalizedV1),
    consumes: [ReadingsNormalizedV1],
    target: { kind: 'function', function: 'enrich-readings' },
    retryPolicy: { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 },
    deadLetterQueue: DEAD_LETTER_QUEUE,
  },
  {
    rule: 'enrich-device-events',
    description: 'Device registrations and retirements, projected into DeviceProjection.',
    pattern: patternFor([DeviceRegisteredV1, DeviceRetiredV1]),
    consumes: [DeviceRegisteredV1, DeviceRetiredV1],
    target: { kind: 'function', function: 'project-devices' },
    retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 },
    deadLetterQueue: DEAD_LETTER_QUEUE,
  },
] as const satisfies readonly SubscriptionDeclaration<'enrich-readings' | 'project-devices'>[];

export const emits = [ReadingsEnrichedV1] as const;
