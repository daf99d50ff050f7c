import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { correlationIdOf, lazy, systemClock, wrapHandler, type Clock } from '@pulse/service-kit';
import { evaluatePorts } from '../adapters/evaluate-ports';
import { powertools } from '../commons/powertools';
import { parseAlertRules, type AlertRules } from '../domain/alert-rules';
import type { AlertPorts } from '../domain/ports';
import { processBatch, type BatchOutcome } from '../domain/process-batch';
import { OUTBOX_LEASE_MS } from '../function-limits';

export interface EvaluateReadingsDeps {
  readonly ports: AlertPorts;
  readonly rules: AlertRules;
  readonly clock: Clock;
  readonly leaseMs?: number;
}

/** Builds the core; tests pass their ports and clock, the Lambda entry below the real ones. */
export function makeEvaluateReadings({ ports, rules, clock, leaseMs = OUTBOX_LEASE_MS }: EvaluateReadingsDeps) {
  return async function evaluateReadings(event: EventBridgeEvent<string, unknown>, context: Context): Promise<BatchOutcome> {
    const parsed = ReadingsEnrichedV1.validate(event.detail);
    // Thrown: retried per the rule's policy, then kept in alert-dlq with this reason.
    if (!parsed.ok) throw new Error(`invalid ReadingsEnriched: ${JSON.stringify(parsed.errors)}`);
    const outcome = await processBatch(
      parsed.value.data,
      ports,
      { rules, now: clock.now(), owner: context.awsRequestId, leaseMs },
      { correlationId: correlationIdOf(event, context), causationId: parsed.value.metadata.batchId },
    );
    const { metrics } = powertools;
    metrics.addMetric('alertStateWrites', MetricUnit.Count, outcome.writes);
    metrics.addMetric('alertStateConflicts', MetricUnit.Count, outcome.conflicts);
    metrics.addMetric('alertsRaised', MetricUnit.Count, outcome.raised);
    metrics.addMetric('alertsResolved', MetricUnit.Count, outcome.resolved);
    return outcome;
  };
}

// Built once per container, on the first invocation (a bad rule variable fails it, by name).
const core = lazy(() =>
  makeEvaluateReadings({ ports: evaluatePorts(powertools), rules: parseAlertRules(process.env), clock: systemClock }),
);

export const handler = wrapHandler<EventBridgeEvent<string, unknown>, BatchOutcome>(
  (event, context) => core()(event, context),
  powertools,
);
