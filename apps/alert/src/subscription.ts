import { AlertRaisedV1, AlertResolvedV1, ReadingsEnrichedV1 } from '@pulse/schemas';
import { patternFor, type SubscriptionDeclaration } from '@pulse/service-kit';

export const EVALUATE_RULE = 'alert-readings-enriched';
export const NOTIFY_ALL_RULE = 'alert-notify-all';
export const NOTIFY_WEBHOOK_RULE = 'alert-notify-webhook';
export const PAGE_UNHEALTHY_RULE = 'alert-page-unhealthy';

/** "Unhealthy" is severity 3 in AQI_CATEGORIES; EventBridge compares numbers, not names. */
export const PAGER_MIN_SEVERITY = 3;

/** Emitted events: AlertRaised / AlertResolved, both `pulse.alert`. */
export const emits = [AlertRaisedV1, AlertResolvedV1];

const alertEvents = patternFor([AlertRaisedV1, AlertResolvedV1]);

export const subscriptions = [
  {
    rule: EVALUATE_RULE,
    description: 'Every enriched batch: clean readings are what resolves an open alert.',
    pattern: patternFor(ReadingsEnrichedV1),
    consumes: [ReadingsEnrichedV1],
    target: { kind: 'function', function: 'evaluate-readings' },
    // One hour of retries: evaluation is idempotent and tolerates late readings, so a
    // DynamoDB or bus outage of minutes heals itself; past an hour a notification is stale
    // news, and the batch waits in the DLQ (with its reason) for a deliberate replay.
    retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 3600 },
    deadLetterQueue: 'alert-dlq',
  },
  {
    rule: NOTIFY_ALL_RULE,
    description: 'Every alert raised or resolved to the alerts topic.',
    pattern: alertEvents,
    consumes: [AlertRaisedV1, AlertResolvedV1],
    target: { kind: 'sns', topic: 'alerts' },
    deadLetterQueue: 'alert-notify-dlq',
  },
  {
    rule: NOTIFY_WEBHOOK_RULE,
    description: 'Every alert raised or resolved to the HTTPS webhook configured per environment.',
    pattern: alertEvents,
    consumes: [AlertRaisedV1, AlertResolvedV1],
    target: { kind: 'apiDestination', destination: 'alerts-webhook' },
    deadLetterQueue: 'alert-notify-dlq',
  },
  {
    rule: PAGE_UNHEALTHY_RULE,
    description: 'Alerts raised at "Unhealthy" or worse page the on-call operator.',
    pattern: patternFor(AlertRaisedV1, { detail: { data: { severity: [{ numeric: ['>=', PAGER_MIN_SEVERITY] }] } } }),
    consumes: [AlertRaisedV1],
    target: { kind: 'sns', topic: 'pager' },
    deadLetterQueue: 'alert-notify-dlq',
  },
] as const satisfies readonly SubscriptionDeclaration<'evaluate-readings'>[];
