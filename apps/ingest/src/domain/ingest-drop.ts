import { MAX_READINGS_PER_EVENT, type ValidationIssue } from '@pulse/schemas';
import type { Candidate } from './admit-readings';
import type { RejectedReading } from './admitted-readings';
import type { DropKey } from './drop-key';
import { ingestBatch, type BatchPorts } from './ingest-batch';
import { rejectionsByRule } from './rejection-stats';

/** One record of a dropped file, already parsed (or not), with its 1-based line. */
export type DropRecord = { line: number; value: unknown } | { line: number; issues: ValidationIssue[] };

export interface DropReport {
  object: string;
  fleetId: string;
  format: DropKey['format'];
  accepted: number;
  rejectedCount: number;
  /** The first `maxReportedRejections` rejections, by line. */
  rejected: { line: number; errors: readonly ValidationIssue[] }[];
  rejectedTruncated: boolean;
  completedAt: string;
}

export interface DropOptions {
  /** Readings checked and published together: 10 full events, one PutEvents call. */
  readonly flushReadings: number;
  readonly maxReportedRejections: number;
}

export const DEFAULT_DROP_OPTIONS: DropOptions = { flushReadings: 10 * MAX_READINGS_PER_EVENT, maxReportedRejections: 1000 };

/**
 * Streams a dropped file through the door: records are checked and published a slice at a
 * time while the file is still being read (awaiting each publish is the back-pressure), so
 * memory stays flat whatever the file's size. A failure of the lookup or the bus throws,
 * so S3's invocation is retried; readings already published are sent again and their
 * readingIds make that an idempotent overwrite downstream.
 */
export async function ingestDrop(
  records: AsyncIterable<DropRecord>,
  drop: { key: string } & Pick<DropKey, 'fleetId' | 'format'>,
  correlationId: string,
  ports: BatchPorts,
  options: DropOptions = DEFAULT_DROP_OPTIONS,
): Promise<{ report: DropReport; rejectedByRule: Record<string, number>; retries: number }> {
  const report: DropReport = {
    object: drop.key,
    fleetId: drop.fleetId,
    format: drop.format,
    accepted: 0,
    rejectedCount: 0,
    rejected: [],
    rejectedTruncated: false,
    completedAt: '',
  };
  const rejectedByRule: Record<string, number> = {};
  let retries = 0;
  let pending: Candidate[] = [];
  const reject = (rejections: readonly RejectedReading[]) => {
    for (const [rule, n] of Object.entries(rejectionsByRule(rejections))) rejectedByRule[rule] = (rejectedByRule[rule] ?? 0) + n;
    report.rejectedCount += rejections.length;
    for (const { index, errors } of rejections) {
      if (report.rejected.length < options.maxReportedRejections) report.rejected.push({ line: index, errors });
      else report.rejectedTruncated = true;
    }
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const result = await ingestBatch(drop.fleetId, 's3', batch, correlationId, ports);
    report.accepted += result.accepted;
    retries += result.retries;
    reject(result.rejected);
  };
  for await (const record of records) {
    if ('issues' in record) reject([{ index: record.line, errors: record.issues }]);
    else pending.push({ index: record.line, input: record.value });
    if (pending.length >= options.flushReadings) await flush();
  }
  await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  report.completedAt = new Date(ports.clock.now()).toISOString();
  return { report, rejectedByRule, retries };
}
