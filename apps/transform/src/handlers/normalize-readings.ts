import type { Context, EventBridgeEvent } from 'aws-lambda';
import { READINGS_NORMALIZED, READINGS_RECEIVED, ReadingsReceivedV1 } from '@pulse/schemas';
import {
  BUS_NAME_ENV,
  correlationIdOf,
  createPowertools,
  createPublisher,
  eventBridgeClient,
  lazy,
  requiredEnv,
  wrapHandler,
} from '@pulse/service-kit';
import { publishNormalized } from '../adapters/normalized-publisher';
import { recordNormalizeMetrics } from '../adapters/normalize-metrics';
import { InvalidBatchError } from '../domain/invalid-batch-error';
import { normalizeBatch } from '../domain/normalize-batch';

const powertools = createPowertools({ serviceName: 'transform' });
// Built once per execution environment, on first use; a missing bus name fails it, by name.
const publisher = lazy(() =>
  createPublisher({
    client: eventBridgeClient({ tracer: powertools.tracer }),
    busName: requiredEnv(BUS_NAME_ENV),
    source: READINGS_NORMALIZED.source,
  }),
);

export interface NormalizeResult {
  readonly batchId: string;
  readonly readings: number;
  readonly duplicatesRemoved: number;
}

/**
 * ReadingsReceived → one ReadingsNormalized. Every failure throws, so nothing acknowledged
 * is dropped: an invalid event or a failed publish is retried per the subscription's policy
 * and then kept by the dead-letter queue with the error as its reason.
 */
export async function normalizeReadings(event: EventBridgeEvent<string, unknown>, context: Context): Promise<NormalizeResult> {
  if (event['detail-type'] !== READINGS_RECEIVED.detailType || event.source !== READINGS_RECEIVED.source) {
    throw new InvalidBatchError(`expected ${READINGS_RECEIVED.detailType} from ${READINGS_RECEIVED.source}, got ${event['detail-type']} from ${event.source}`);
  }
  const parsed = ReadingsReceivedV1.validate(event.detail);
  if (!parsed.ok) {
    const problems = parsed.errors.map((e) => `${e.path}: ${e.message}`);
    throw new InvalidBatchError(`invalid ReadingsReceived: ${problems.join('; ')}`, problems);
  }
  const outcome = normalizeBatch(parsed.value.data);
  const published = await publishNormalized(publisher(), outcome.data, {
    correlationId: correlationIdOf(event, context),
    causationId: parsed.value.metadata.batchId,
  });
  // Counted only once published, so a retried invocation is not counted twice.
  recordNormalizeMetrics(powertools.metrics, outcome);
  powertools.logger.info('batch normalized', { batchId: published.batchId, causationId: parsed.value.metadata.batchId, readings: outcome.data.readings.length, duplicatesRemoved: outcome.data.duplicatesRemoved, flags: outcome.flagCounts });
  return { batchId: published.batchId, readings: outcome.data.readings.length, duplicatesRemoved: outcome.data.duplicatesRemoved };
}

export const handler = wrapHandler(normalizeReadings, powertools);
