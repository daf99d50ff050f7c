import type { S3EventRecord } from 'aws-lambda';
import type { S3EventSource } from '@pulse/service-kit';

/**
 * Keys in S3 notifications are URL-encoded with '+' for spaces (the ingest handler decodes them
 * so); '/' stays as it is.
 */
export function notificationKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/** Whether a notification's event name ('ObjectCreated:Put') is one the declaration asks for ('s3:ObjectCreated:*'). */
export function matchesEventName(eventName: string, declared: S3EventSource['events']): boolean {
  return declared.some((pattern) => {
    const name = pattern.replace(/^s3:/, '');
    return name.endsWith(':*') ? eventName.startsWith(name.slice(0, -1)) : eventName === name;
  });
}

export interface RecordFix {
  readonly region: string;
  readonly configurationId: string;
  /** The S3 operation behind the event when known ('CompleteMultipartUpload'). */
  readonly operation?: string;
}

/**
 * s3rver's record made into what S3 sends: the key URL-encoded, the bucket ARN well formed,
 * multipart uploads named CompleteMultipartUpload (s3rver says Post), the region the runtime's.
 */
export function s3NotificationRecord(raw: S3EventRecord, fix: RecordFix): S3EventRecord {
  const multipart = fix.operation === 'CompleteMultipartUpload' && raw.eventName === 'ObjectCreated:Post';
  return {
    ...raw,
    eventVersion: '2.1',
    awsRegion: fix.region,
    eventName: multipart ? 'ObjectCreated:CompleteMultipartUpload' : raw.eventName,
    s3: {
      ...raw.s3,
      configurationId: fix.configurationId,
      bucket: { ...raw.s3.bucket, arn: `arn:aws:s3:::${raw.s3.bucket.name}` },
      object: { ...raw.s3.object, key: notificationKey(raw.s3.object.key) },
    },
  };
}
