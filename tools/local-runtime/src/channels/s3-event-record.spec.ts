import type { S3EventRecord } from 'aws-lambda';
import { matchesEventName, notificationKey, s3NotificationRecord } from './s3-event-record';

describe('S3 notification records', () => {
  it('URL-encodes keys as S3 does: + for spaces, slashes kept', () => {
    expect(notificationKey('incoming/fleet 1/a=b&c.csv')).toBe('incoming/fleet+1/a%3Db%26c.csv');
    // What the ingest handler does with it gets the key back.
    expect(decodeURIComponent(notificationKey('incoming/f/x+y z%.csv').replace(/\+/g, ' '))).toBe('incoming/f/x+y z%.csv');
  });

  it.each([
    ['ObjectCreated:Put', ['s3:ObjectCreated:*'], true],
    ['ObjectCreated:CompleteMultipartUpload', ['s3:ObjectCreated:*'], true],
    ['ObjectRemoved:Delete', ['s3:ObjectCreated:*'], false],
    ['ObjectCreated:Put', ['s3:ObjectCreated:Put'], true],
    ['ObjectCreated:Post', ['s3:ObjectCreated:Put'], false],
  ] as const)('%s against %p: %p', (eventName, declared, expected) => {
    expect(matchesEventName(eventName, declared)).toBe(expected);
  });

  it('renames s3rver’s Post to CompleteMultipartUpload only for a multipart completion', () => {
    const raw = {
      eventVersion: '2.0',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-01-01T00:00:00.000Z',
      eventName: 'ObjectCreated:Post',
      userIdentity: { principalId: 'AWS:X' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': 'r', 'x-amz-id-2': 'i' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'testConfigId',
        bucket: { name: 'drops', ownerIdentity: { principalId: 'P' }, arn: 'arn:aws:s3: : :drops' },
        object: { key: 'incoming/a b', size: 1, eTag: 'e', sequencer: 'S' },
      },
    } as S3EventRecord;
    const multipart = s3NotificationRecord(raw, { region: 'eu-west-1', configurationId: 'c', operation: 'CompleteMultipartUpload' });
    const formPost = s3NotificationRecord(raw, { region: 'eu-west-1', configurationId: 'c', operation: 'POST' });
    expect(multipart).toMatchObject({ eventName: 'ObjectCreated:CompleteMultipartUpload', awsRegion: 'eu-west-1', s3: { bucket: { arn: 'arn:aws:s3:::drops' }, object: { key: 'incoming/a+b' } } });
    expect(formPost.eventName).toBe('ObjectCreated:Post');
    expect(raw.s3.object.key).toBe('incoming/a b');
  });
});
