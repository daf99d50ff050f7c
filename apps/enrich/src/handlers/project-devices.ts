import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { EventBridgeEvent } from 'aws-lambda';
import { DEVICE_REGISTERED, DEVICE_RETIRED, DeviceRegisteredV1, DeviceRetiredV1 } from '@pulse/schemas';
import { dynamoDbDocumentClient, lazy, requiredEnv, systemClock, tableNameEnv, wrapHandler, type HandlerCore } from '@pulse/service-kit';
import { deviceProjectionTable } from '../adapters/device-projection-table';
import { activeDevice, retiredDevice, type DeviceRecord } from '../domain/device';
import type { ProjectionWriteOutcome } from '../domain/device-ports';
import { powertools } from '../powertools';
import { DEVICE_PROJECTION_TABLE } from '../tables';
import { InvalidEventError } from './invalid-event-error';

const { logger, metrics, tracer } = powertools;
// Built once per execution environment, on first use; a missing table name fails it, by name.
const projection = lazy(() =>
  deviceProjectionTable({
    client: dynamoDbDocumentClient({ tracer }),
    tableName: requiredEnv(tableNameEnv(DEVICE_PROJECTION_TABLE)),
    clock: systemClock,
  }),
);

/**
 * DeviceRegistered / DeviceRetired → DeviceProjection. A write that is not newer than the
 * stored revision is skipped (counted, not an error): duplicates and out-of-order deliveries
 * are normal on EventBridge. An invalid or unknown event throws (→ retry, then enrich-dlq).
 */
export const projectDevices: HandlerCore<EventBridgeEvent<string, unknown>, ProjectionWriteOutcome> = async (event) => {
  const record = deviceRecordOf(event);
  const outcome = await projection().apply(record);
  metrics.addMetric(outcome === 'applied' ? 'ProjectionWritesApplied' : 'ProjectionWritesSkippedStale', MetricUnit.Count, 1);
  logger.info('device event projected', { fleetId: record.fleetId, deviceId: record.deviceId, revision: record.revision, status: record.status, outcome });
  return outcome;
};

function deviceRecordOf(event: EventBridgeEvent<string, unknown>): DeviceRecord {
  if (event.source === DEVICE_REGISTERED.source && event['detail-type'] === DEVICE_REGISTERED.detailType) {
    const parsed = DeviceRegisteredV1.validate(event.detail);
    if (!parsed.ok) throw new InvalidEventError(DeviceRegisteredV1.name, parsed.errors);
    return activeDevice(parsed.value.data);
  }
  if (event.source === DEVICE_RETIRED.source && event['detail-type'] === DEVICE_RETIRED.detailType) {
    const parsed = DeviceRetiredV1.validate(event.detail);
    if (!parsed.ok) throw new InvalidEventError(DeviceRetiredV1.name, parsed.errors);
    return retiredDevice(parsed.value.data);
  }
  throw new Error(`project-devices cannot handle ${event.source} ${event['detail-type']}`);
}

export const handler = wrapHandler(projectDevices, powertools);
