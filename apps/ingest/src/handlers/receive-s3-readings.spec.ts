import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import type { ReadingsReceivedV1Data } from '@pulse/schemas';
import { fixedClock, lambdaContext } from '@pulse/service-kit/testing';
import { DropBucket } from '../adapters/drop-bucket';
import type { ReadingsSink } from '../domain/readings-sink';
import { fakeOwnership, recordingLogger, recordingMetrics } from '../testing/fakes';
import { startLocalS3, type LocalS3 } from '../testing/local-s3';
import golden from './__fixtures__/s3-event.json';
import { makeReceiveS3Readings, type DropStore } from './receive-s3-readings';

const NOW = Date.parse('2024-05-01T12:00:02Z');
const BUCKET = 'pulse-drops';

function withKey(key: string): S3Event {
  const event = structuredClone(golden) as unknown as S3Event;
  event.Records[0].s3.object.key = key;
  return event;
}

describe('receive-s3-readings (golden S3 notification, s3rver)', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3(BUCKET);
  });
  afterAll(() => s3.close());

  const put = (key: string, body: string) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  const report = async (key: string) =>
    JSON.parse(await (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString());

  function setup(bucket: DropStore = new DropBucket(s3.client), onPublish: () => void = () => undefined) {
    const published: ReadingsReceivedV1Data[] = [];
    const sink: ReadingsSink = {
      async publish(events) {
        onPublish();
        published.push(...events);
        return { retries: 0 };
      },
    };
    const metrics = recordingMetrics();
    const receive = makeReceiveS3Readings({
      clock: fixedClock(NOW),
      ownership: fakeOwnership({ 'city-lyon': ['sensor-0042', 'sensor-0043'] }),
      sink,
      newBatchId: () => 'batch-s3',
      bucket,
      metrics,
      logger: recordingLogger(),
    });
    return { receive, published, metrics };
  }

  it('ingests a CSV drop and writes the report beside incoming/, with rejected line numbers', async () => {
    // Prepare: the golden event's key is URL-encoded ('+' is a space)
    const csv = [
      'deviceId,timestamp,pm25,pm10,o3,no2,co,so2,temperature,humidity',
      'sensor-0042,2024-05-01T12:00:00Z,12.4,20.1,,,,,18.5,54',
      'sensor-0043,1714564800500,,,41,17,,,,',
      'sensor-0042,2024-05-01T12:00:05Z,-3,,,,,,,',
      'sensor-9999,2024-05-01T12:00:05Z,3,,,,,,,',
    ].join('\n');
    await put('incoming/city-lyon/2024-05-01 morning.csv', csv);
    const { receive, published, metrics } = setup();
    // Act
    await receive(golden as unknown as S3Event, lambdaContext());
    // Assess
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ fleetId: 'city-lyon', channel: 's3', receivedAt: NOW });
    expect(published[0].readings.map((r) => r.readingId)).toEqual(['sensor-0042@1714564800000', 'sensor-0043@1714564800500']);
    expect(published[0].readings[0].measurements).toEqual({ pm25: 12.4, pm10: 20.1, temperature: 18.5, humidity: 54 });
    const written = await report('reports/city-lyon/2024-05-01 morning.csv.json');
    expect(written).toMatchObject({ object: 'incoming/city-lyon/2024-05-01 morning.csv', accepted: 2, rejectedCount: 2, rejectedTruncated: false });
    expect(written.rejected.map((r: { line: number; errors: { rule: string }[] }) => [r.line, r.errors[0].rule])).toEqual([
      [4, 'minimum'],
      [5, 'ownership'],
    ]);
    expect(metrics.counts).toEqual({ 'accepted:s3': 2, 'rejected:minimum': 1, 'rejected:ownership': 1 });
  });

  it('streams a multi-MB NDJSON drop: publishing starts before the object has been read to its end', async () => {
    // Prepare: ~3 MB, 24,000 readings
    const lines = Array.from({ length: 24_000 }, (_, i) =>
      JSON.stringify({ deviceId: i % 2 ? 'sensor-0042' : 'sensor-0043', timestamp: NOW - 1_000_000 + i, measurements: { pm25: i % 500, pm10: 20.5, humidity: 40, temperature: 21.25 }, sequence: i }),
    );
    await put('incoming/city-lyon/big.ndjson', lines.join('\n'));
    let endedAtFirstPublish: boolean | undefined;
    let ended = false;
    const real = new DropBucket(s3.client);
    const observed: DropStore = {
      async open(bucket, key) {
        const body = await real.open(bucket, key);
        body.on('end', () => (ended = true));
        return body;
      },
      writeReport: (bucket, key, r) => real.writeReport(bucket, key, r),
    };
    const { receive, published } = setup(observed, () => (endedAtFirstPublish ??= ended));
    // Act
    await receive(withKey('incoming/city-lyon/big.ndjson'), lambdaContext());
    // Assess
    expect(endedAtFirstPublish).toBe(false);
    expect(published).toHaveLength(120);
    expect(published.every((e) => e.readings.length === 200)).toBe(true);
    expect((await report('reports/city-lyon/big.ndjson.json')).accepted).toBe(24_000);
  });

  it('ignores objects outside incoming/<fleetId>/ (no retry can fix them) and counts them', async () => {
    // Prepare
    const { receive, published, metrics } = setup();
    // Act
    await receive(withKey('reports/city-lyon/a.json'), lambdaContext());
    // Assess
    expect(published).toEqual([]);
    expect(metrics.counts).toEqual({ 'malformed:s3': 1 });
  });

  it('throws when the object cannot be read, so the invocation is retried', async () => {
    // Act / Assess
    await expect(setup().receive(withKey('incoming/city-lyon/missing.ndjson'), lambdaContext())).rejects.toThrow();
  });
});
