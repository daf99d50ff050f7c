import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { KinesisStreamBatchResponse, KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { correlationIdOf, randomIds, systemClock, wrapHandler, type HandlerCore, lazy } from '@pulse/service-kit';
import { readingsSink } from '../adapters/bus-publishing';
import { ingestBatch, type BatchPorts } from '../domain/ingest-batch';
import { parseKinesisPayload } from '../domain/kinesis-payload';
import { rejectionsByRule } from '../domain/rejection-stats';
import type { IngestMetrics } from '../wiring/ingest-metrics';
import type { LogPort } from '../wiring/log-port';
import { powertools } from '../wiring/powertools';
import { devicesOwnership, ingestMetrics, publisher } from '../wiring/production';

export interface KinesisDeps extends BatchPorts {
  readonly metrics: IngestMetrics;
  readonly logger: LogPort;
}

/**
 * Readings from the Kinesis stream, record by record with partial batch responses: a
 * malformed record is reported (metric, log with its sequence number) and acknowledged,
 * since retrying cannot fix it; bad readings inside a good record are rejected one by one;
 * only a failing lookup or bus fails the record, which Lambda then retries alone.
 */
export function makeReceiveKinesisReadings(deps: KinesisDeps): HandlerCore<KinesisStreamEvent, KinesisStreamBatchResponse> {
  const processor = new BatchProcessor(EventType.KinesisDataStreams);
  return async function receiveKinesisReadingsCore(event, context) {
    const correlationId = correlationIdOf(event, context);
    const handleRecord = async (record: KinesisStreamRecord) => {
      const { sequenceNumber } = record.kinesis;
      const payload = parseKinesisPayload(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
      if (!payload.ok) {
        deps.metrics.malformed('kinesis', 1);
        deps.logger.warn('malformed kinesis record skipped', { sequenceNumber, issues: payload.issues.slice(0, 10) });
        return;
      }
      const candidates = payload.readings.map((input, index) => ({ index, input }));
      const result = await ingestBatch(payload.fleetId, 'kinesis', candidates, correlationId, deps);
      deps.metrics.accepted('kinesis', result.accepted);
      deps.metrics.publishRetries(result.retries);
      if (result.rejected.length > 0) {
        deps.metrics.rejected(rejectionsByRule(result.rejected));
        deps.logger.warn('kinesis readings rejected', { sequenceNumber, fleetId: payload.fleetId, rejected: result.rejected.slice(0, 10) });
      }
    };
    return processPartialResponse(event, handleRecord, processor, { context }) as Promise<KinesisStreamBatchResponse>;
  };
}

const core = lazy(() =>
  makeReceiveKinesisReadings({
    clock: systemClock,
    ownership: devicesOwnership(),
    sink: readingsSink(publisher()),
    newBatchId: () => randomIds.next(),
    metrics: ingestMetrics(),
    logger: powertools.logger,
  }),
);

export const handler = wrapHandler<KinesisStreamEvent, KinesisStreamBatchResponse>((event, context) => core()(event, context), powertools);
