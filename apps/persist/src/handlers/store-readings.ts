import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { ReadingsEnrichedV1, ReadingsStoredV1 } from '@pulse/schemas';
import {
  BUS_NAME_ENV,
  correlationIdOf,
  createPublisher,
  dynamoDbClient,
  eventBridgeClient,
  requiredEnv,
  systemClock,
  wrapHandler,
  type Clock,
  type HandlerCore,
  type Publisher,
  lazy,
} from '@pulse/service-kit';
import { readingsWriter } from '../adapters/readings-writer';
import { recordStoreMetrics } from '../adapters/store-metrics';
import { zoneStatusWriter } from '../adapters/zone-status-writer';
import type { Observability } from '../commons/observability';
import { powertools } from '../commons/powertools';
import { retentionDaysFrom } from '../commons/retention-config';
import { storeBatch, type StorePorts } from '../domain/store-batch';
import { READINGS_TABLE_ENV, ZONE_STATUS_TABLE_ENV } from '../tables';

export interface StoreReadingsDeps extends Observability {
  readonly ports: StorePorts;
  readonly publisher: Publisher;
  readonly retentionDays: number;
}

export interface StoreReadingsResult {
  readonly stored: number;
  readonly zonesUpdated: number;
  readonly zonesSkipped: number;
}

/**
 * ReadingsEnriched → Readings + ZoneStatus → ReadingsStored. An invalid event throws: it is
 * retried per the subscription's policy and then kept, with its reason, in persist-dlq.
 */
export function makeStoreReadings(deps: StoreReadingsDeps): HandlerCore<EventBridgeEvent<string, unknown>, StoreReadingsResult> {
  return async (event, context) => {
    const parsed = ReadingsEnrichedV1.validate(event.detail);
    if (!parsed.ok) throw new Error(`invalid ReadingsEnriched: ${JSON.stringify(parsed.errors)}`);
    const outcome = await storeBatch(parsed.value.data, deps.ports, deps.retentionDays);
    await deps.publisher.publish(ReadingsStoredV1, [outcome.stored], {
      correlationId: correlationIdOf(event, context),
      causationId: parsed.value.metadata.batchId,
    });
    // Only once ReadingsStored is out: a failed publish is retried and must not count twice.
    recordStoreMetrics(deps.metrics, outcome);
    deps.logger.info('batch stored', { count: outcome.stored.count, writes: outcome.writes, zonesSkipped: outcome.zonesSkipped });
    return { stored: outcome.stored.count, zonesUpdated: outcome.zonesUpdated, zonesSkipped: outcome.zonesSkipped };
  };
}

/**
 * The store path over one low-level client (the live core, the bench and the dynalite specs):
 * both writers send attribute values they build themselves. The kit's clients (and its test
 * dynalite's) come without the SDK's log filter.
 */
export function storePorts(client: DynamoDBClient, tables: { readonly readings: string; readonly zoneStatus: string }, clock: Clock): StorePorts {
  return { readings: readingsWriter(client, tables.readings), zoneStatus: zoneStatusWriter(client, tables.zoneStatus), clock };
}

const live = lazy(() =>
  makeStoreReadings({
    ports: storePorts(
      dynamoDbClient({ tracer: powertools.tracer }),
      { readings: requiredEnv(READINGS_TABLE_ENV), zoneStatus: requiredEnv(ZONE_STATUS_TABLE_ENV) },
      systemClock,
    ),
    publisher: createPublisher({
      client: eventBridgeClient({ tracer: powertools.tracer }),
      busName: requiredEnv(BUS_NAME_ENV),
      source: ReadingsStoredV1.source,
    }),
    retentionDays: retentionDaysFrom(),
    logger: powertools.logger,
    metrics: powertools.metrics,
  }),
);

/** The core with the real clients, built on first call from the environment. */
export const storeReadings: HandlerCore<EventBridgeEvent<string, unknown>, StoreReadingsResult> = (event, context) => live()(event, context);

export const handler = wrapHandler(storeReadings, powertools);
