import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SimReading } from '../city';
import { emptyCounts, type SendCounts } from './send-counts';

export interface KinesisTarget {
  /** Needs an HTTP/1 request handler against kinesalite (TOOLCHAIN.md). */
  readonly client: KinesisClient;
  readonly streamName: string;
  readonly fleetId: string;
}

/**
 * One gateway batch as one Kinesis record `{ fleetId, readings }` (the channel's contract),
 * partitioned by gateway so a gateway's readings stay in order. Accepted = stored by Kinesis;
 * ingest validates them when its poller delivers them.
 */
export async function putKinesisReadings(batch: readonly SimReading[], target: KinesisTarget): Promise<SendCounts> {
  const counts = { ...emptyCounts(), sent: batch.length, requests: 1 };
  if (batch.length === 0) return counts;
  try {
    const data = Buffer.from(JSON.stringify({ fleetId: target.fleetId, readings: batch.map((r) => r.body) }));
    const result = await target.client.send(
      new PutRecordsCommand({ StreamName: target.streamName, Records: [{ Data: data, PartitionKey: batch[0].gatewayId }] }),
    );
    if ((result.FailedRecordCount ?? 0) > 0) counts.failed += batch.length;
    else counts.accepted += batch.length;
  } catch {
    counts.failed += batch.length;
  }
  return counts;
}

export interface S3DropTarget {
  /** Path-style, checksums only when required, against s3rver (TOOLCHAIN.md). */
  readonly client: S3Client;
  readonly bucket: string;
  readonly fleetId: string;
}

/** One gateway batch as an NDJSON file under `incoming/<fleetId>/`, as a gateway's file drop. */
export async function dropS3Readings(batch: readonly SimReading[], target: S3DropTarget): Promise<SendCounts> {
  const counts = { ...emptyCounts(), sent: batch.length, requests: 1 };
  if (batch.length === 0) return counts;
  const key = `incoming/${target.fleetId}/${batch[0].gatewayId}-${batch[0].readingId.replace(/[^A-Za-z0-9-]/g, '_')}.ndjson`;
  try {
    await target.client.send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: key,
        Body: batch.map((r) => JSON.stringify(r.body)).join('\n') + '\n',
        ContentType: 'application/x-ndjson',
      }),
    );
    counts.accepted += batch.length;
  } catch {
    counts.failed += batch.length;
  }
  return counts;
}
