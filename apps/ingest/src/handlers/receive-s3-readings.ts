import type { Readable } from 'node:stream';
import type { S3Event } from 'aws-lambda';
import { correlationIdOf, randomIds, systemClock, wrapHandler, type HandlerCore, lazy } from '@pulse/service-kit';
import { readingsSink } from '../adapters/bus-publishing';
import { csvRecords, ndjsonRecords } from '../adapters/drop-records';
import { parseDropKey } from '../domain/drop-key';
import { ingestDrop, type DropOptions, type DropReport } from '../domain/ingest-drop';
import type { BatchPorts } from '../domain/ingest-batch';
import type { IngestMetrics } from '../wiring/ingest-metrics';
import type { LogPort } from '../wiring/log-port';
import { powertools } from '../wiring/powertools';
import { devicesOwnership, dropBucket, ingestMetrics, publisher } from '../wiring/production';

export interface DropStore {
  open(bucket: string, key: string): Promise<Readable>;
  writeReport(bucket: string, key: string, report: DropReport): Promise<void>;
}

export interface S3Deps extends BatchPorts {
  readonly bucket: DropStore;
  readonly metrics: IngestMetrics;
  readonly logger: LogPort;
  readonly options?: DropOptions;
}

/** S3 notification keys are URL-encoded, with '+' for spaces. */
const objectKey = (raw: string) => decodeURIComponent(raw.replace(/\+/g, ' '));

/**
 * ObjectCreated under incoming/<fleetId>/: the file is streamed through the door and a
 * report written to reports/<fleetId>/<name>.json. A key outside incoming/ is logged and
 * skipped (no retry can fix it); a failing read, lookup or publish throws, so the
 * asynchronous invocation is retried and then lands in the function's failure destination.
 */
export function makeReceiveS3Readings(deps: S3Deps): HandlerCore<S3Event, void> {
  return async function receiveS3ReadingsCore(event, context) {
    const correlationId = correlationIdOf(event, context);
    for (const record of event.Records ?? []) {
      const key = objectKey(record.s3.object.key);
      const bucket = record.s3.bucket.name;
      const drop = record.eventName.startsWith('ObjectCreated') ? parseDropKey(key) : undefined;
      if (!drop) {
        deps.metrics.malformed('s3', 1);
        deps.logger.warn('object ignored: not an ObjectCreated under incoming/<fleetId>/', { bucket, key, eventName: record.eventName });
        continue;
      }
      const body = await deps.bucket.open(bucket, key);
      const records = drop.format === 'csv' ? csvRecords(body) : ndjsonRecords(body);
      const { report, rejectedByRule, retries } = await ingestDrop(records, { key, ...drop }, correlationId, deps, deps.options);
      await deps.bucket.writeReport(bucket, drop.reportKey, report);
      deps.metrics.accepted('s3', report.accepted);
      deps.metrics.rejected(rejectedByRule);
      deps.metrics.publishRetries(retries);
      deps.logger.info('drop ingested', { bucket, key, accepted: report.accepted, rejected: report.rejectedCount, report: drop.reportKey });
    }
  };
}

const core = lazy(() =>
  makeReceiveS3Readings({
    clock: systemClock,
    ownership: devicesOwnership(),
    sink: readingsSink(publisher()),
    newBatchId: () => randomIds.next(),
    bucket: dropBucket(),
    metrics: ingestMetrics(),
    logger: powertools.logger,
  }),
);

export const handler = wrapHandler<S3Event, void>((event, context) => core()(event, context), powertools);
