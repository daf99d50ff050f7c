import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DropReport } from '../domain/ingest-drop';

/** The drop bucket: objects streamed in, reports written back. */
export class DropBucket {
  constructor(private readonly client: S3Client) {}

  /** The object's body as a Node stream: read as it arrives, never loaded whole. */
  async open(bucket: string, key: string): Promise<Readable> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (Body instanceof Readable) return Body;
    throw new Error(`s3://${bucket}/${key} did not come back as a stream`);
  }

  async writeReport(bucket: string, key: string, report: DropReport): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(report, null, 2), ContentType: 'application/json' }),
    );
  }
}
