import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { ReadingsEnrichedV1, ReadingsNormalizedV1 } from '@pulse/schemas';
import {
  BUS_NAME_ENV, correlationIdOf, createPublisher, dynamoDbDocumentClient, eventBridgeClient, lazy,
  requiredEnv, systemClock, tableNameEnv, wrapHandler,
} from '@pulse/service-kit';
import { deviceProjectionTable } from '../adapters/device-projection-table';
import { deviceCacheConfig } from '../config';
import { cachedDeviceLookup } from '../domain/cached-device-lookup';
import type { DeviceRecord } from '../domain/device';
import { enrichBatch } from '../domain/enrich-batch';
import { TtlCache } from '../domain/ttl-cache';
import { powertools } from '../powertools';
import { DEVICE_PROJECTION_TABLE } from '../tables';
import { InvalidEventError } from './invalid-event-error';

const { logger, metrics, tracer } = powertools;
// Built once per execution environment, on first use (a bad variable fails it, by name);
// the cache then outlives invocations of a warm container.
const lookup = lazy(() => {
  const cacheConfig = deviceCacheConfig();
  return cachedDeviceLookup({
    store: deviceProjectionTable({
      client: dynamoDbDocumentClient({ tracer }),
      tableName: requiredEnv(tableNameEnv(DEVICE_PROJECTION_TABLE)),
      clock: systemClock,
    }),
    cache: new TtlCache<DeviceRecord | null>({ clock: systemClock, maxEntries: cacheConfig.maxEntries }),
    ttlMs: cacheConfig.ttlMs,
    negativeTtlMs: cacheConfig.negativeTtlMs,
  });
});
const publisher = lazy(() =>
  createPublisher({
    client: eventBridgeClient({ tracer }),
    busName: requiredEnv(BUS_NAME_ENV),
    source: ReadingsEnrichedV1.source,
  }),
);

/**
 * ReadingsNormalized → ReadingsEnriched. Throws (→ EventBridge retry, then enrich-dlq) on an
 * invalid event, a projection read failure or a publish failure; never drops a reading.
 */
export async function enrichReadings(event: EventBridgeEvent<string, unknown>, context: Context): Promise<void> {
  const parsed = ReadingsNormalizedV1.validate(event.detail);
  if (!parsed.ok) throw new InvalidEventError(ReadingsNormalizedV1.name, parsed.errors);
  const { data, stats } = await enrichBatch(parsed.value.data, lookup());
  await publisher().publish(ReadingsEnrichedV1, [data], {
    correlationId: correlationIdOf(event, context),
    causationId: parsed.value.metadata.batchId,
  });
  metrics.addMetric('ReadingsEnriched', MetricUnit.Count, stats.readings);
  metrics.addMetric('UnregisteredReadings', MetricUnit.Count, stats.unregistered);
  metrics.addMetric('DeviceCacheHits', MetricUnit.Count, stats.cacheHits);
  metrics.addMetric('DeviceCacheMisses', MetricUnit.Count, stats.cacheMisses);
  logger.debug('batch enriched', { fleetId: data.fleetId, ...stats });
}

export const handler = wrapHandler(enrichReadings, powertools);
