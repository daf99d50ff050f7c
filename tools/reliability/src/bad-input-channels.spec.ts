import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { fc, test } from '@fast-check/jest';
import { callApi } from './api-client';
import { watchReadingsReceived, type BusWatch } from './bus-watch';
import { busClient, channelClients, type ChannelClients } from './channel-clients';
import { eventually, registerDevices, storedReadings } from './devices';
import { csvBadHeaderDrop, csvDrop, ndjsonDrop, type FuzzDrop } from './fuzz/drop-files';
import { FuzzTally } from './fuzz/fuzz-tally';
import { recordBatch, goodRecord, type ChannelFuzzContext, type FuzzRecord, type IssueAt } from './fuzz/kinesis-records';
import { FUZZ_SOURCE, malformedPutEventsCall, putEventsEntry, type FuzzCall, type FuzzEntry } from './fuzz/put-events';
import { logEntriesOf, type LogEntry } from './function-log-lines';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

const devices = (prefix: string) => [0, 1, 2].map((i) => `${prefix}-${i}`);
const KINESIS_GOOD = devices('kin-good');
const KINESIS_BAD = devices('kin-bad');
const S3_GOOD = devices('s3-good');
const S3_BAD = devices('s3-bad');
const STRANGER_FLEET = 'reliability-stranger';
const KINESIS_DLQ = 'ingest-kinesis-dlq';
const S3_DLQ = 'ingest-s3-dlq';

interface DropReport {
  readonly accepted: number;
  readonly rejectedCount: number;
  readonly rejected: Array<{ line: number; errors: unknown }>;
  readonly rejectedTruncated: boolean;
}

let under: RuntimeUnderTest;
let clients: ChannelClients;
let watch: BusWatch;
const tally = new FuzzTally();
const acceptedFromS3 = new Set<string>();
const now = () => under.runtime.time.clock.now();
const contextFor = (good: string[], bad: string[]): ChannelFuzzContext => ({
  good: { deviceIds: good, now },
  bad: { deviceIds: bad, now },
  fleetId: 'default',
  strangerFleetId: STRANGER_FLEET,
});
const kinesisContext = contextFor(KINESIS_GOOD, KINESIS_BAD);
const s3Context = contextFor(S3_GOOD, S3_BAD);

beforeAll(async () => {
  under = await startRuntimeUnderTest();
  await registerDevices(under.runtime.endpoints.api, under.runtime.endpoints.apiKey, [...KINESIS_GOOD, ...KINESIS_BAD, ...S3_GOOD, ...S3_BAD]);
  clients = channelClients(under.runtime);
  watch = watchReadingsReceived(under.runtime);
  await kinesisPollerReading();
}, 60_000);

afterAll(async () => {
  watch?.stop();
  clients?.destroy();
  await under?.stop();
  process.stderr.write(`${tally.report('channel inputs sent (valid ones included, as controls)')}\n`);
}, 30_000);

/** The stream starts at LATEST: a record put before the poller holds its iterator would be missed. */
async function kinesisPollerReading(): Promise<void> {
  await eventually(
    'the Kinesis poller to read a probe record',
    async () => {
      const [probe] = fc.sample(goodRecord(kinesisContext), 1);
      await putRecords([probe!]);
      const ids = probe!.expected.outcome === 'published' ? probe!.expected.readingIds : [];
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return ids.every((id) => watch.received.some((reading) => reading.readingId === id)) ? true : undefined;
    },
    30_000,
    0,
  );
}

async function putRecords(records: readonly FuzzRecord[]): Promise<string[]> {
  const answer = await clients.kinesis.send(
    new PutRecordsCommand({ StreamName: clients.streamName, Records: records.map((record, i) => ({ Data: record.data, PartitionKey: `gateway-${i % 3}` })) }),
  );
  if (answer.FailedRecordCount !== 0) throw new Error(`PutRecords failed for ${answer.FailedRecordCount} records`);
  return (answer.Records ?? []).map((record) => record.SequenceNumber!);
}

const hasIssue = (issues: unknown, wanted: IssueAt) =>
  Array.isArray(issues) && issues.some((issue: { path?: string; rule?: string }) => String(issue.path) === wanted.path && wanted.rules.includes(String(issue.rule)));

describe('the Kinesis channel: bad records are reported, good ones stored, the shard never blocked', () => {
  const sent: { sequenceNumber: string; record: FuzzRecord }[] = [];

  test.prop([recordBatch(kinesisContext)], { numRuns: 60 })('PutRecords takes every generated record', async (records) => {
    const sequenceNumbers = await putRecords(records);
    records.forEach((record, i) => {
      tally.count(`Kinesis: ${record.kind}`);
      sent.push({ sequenceNumber: sequenceNumbers[i]!, record });
    });
  });

  it('publishes each valid reading and logs every bad record or reading with its sequence number and the rule', async () => {
    const outcomeOf = ({ sequenceNumber, record }: (typeof sent)[number], entries: readonly LogEntry[]): LogEntry | true | undefined => {
      const logged = (message: string) => entries.find((entry) => entry.message === message && entry['sequenceNumber'] === sequenceNumber);
      const expected = record.expected;
      if (expected.outcome === 'malformed') return logged('malformed kinesis record skipped');
      const published = expected.readingIds.every((id) => watch.received.some((reading) => reading.readingId === id && reading.channel === 'kinesis'));
      if (!published) return undefined;
      return expected.rejected.length === 0 ? true : logged('kinesis readings rejected');
    };
    const handled = () => {
      const entries = logEntriesOf(under.functionLog, 'receive-kinesis-readings');
      const outcomes = sent.map((each) => outcomeOf(each, entries));
      return outcomes.every((outcome) => outcome !== undefined) ? outcomes : undefined;
    };

    // Everything put last is handled only if nothing before it blocked the shard.
    const outcomes = await eventually('every record handled', async () => handled(), 60_000);

    for (const [i, each] of sent.entries()) {
      const expected = each.record.expected;
      const entry = outcomes[i];
      if (expected.outcome === 'malformed') {
        expect({ record: fc.stringify(each.record), named: hasIssue((entry as LogEntry)['issues'], expected.issue) }).toEqual({ record: fc.stringify(each.record), named: true });
      } else if (expected.rejected.length > 0) {
        const rejected = (entry as LogEntry)['rejected'] as Array<{ index: number; errors: unknown }>;
        const named = expected.rejected.every((wanted) => rejected.some((r) => r.index === wanted.index && hasIssue(r.errors, wanted.issue)));
        expect({ record: fc.stringify(each.record), indexes: rejected.map((r) => r.index), named }).toEqual({ record: fc.stringify(each.record), indexes: expected.rejected.map((r) => r.index), named: true });
      }
    }
  }, 90_000);

  it('never published a bad device’s reading nor another fleet’s, failed no invocation and dead-lettered nothing', () => {
    expect(watch.received.filter((reading) => KINESIS_BAD.includes(reading.deviceId) || reading.fleetId === STRANGER_FLEET)).toEqual([]);
    expect(under.runtime.runner.stats()['receive-kinesis-readings']!.errors).toBe(0);
    expect(under.runtime.bus.sqs.peekMessages(KINESIS_DLQ)).toEqual([]);
  });
});

describe('the S3 channel: bad lines are reported by line, good lines stored', () => {
  let dropCount = 0;

  async function reportOf(key: string): Promise<DropReport> {
    return eventually(`the report ${key}`, async () => {
      const object = await clients.s3.send(new GetObjectCommand({ Bucket: clients.bucket, Key: key })).catch(() => undefined);
      return object ? (JSON.parse(await object.Body!.transformToString()) as DropReport) : undefined;
    }, 20_000, 100);
  }

  test.prop([fc.oneof({ weight: 55, arbitrary: ndjsonDrop(s3Context) }, { weight: 40, arbitrary: csvDrop(s3Context) }, { weight: 5, arbitrary: csvBadHeaderDrop(s3Context) })], { numRuns: 20 })(
    'each drop’s report counts the accepted lines and names every rejected line with its path and rule',
    async (drop: FuzzDrop) => {
      const name = `fuzz-${++dropCount}.${drop.format}`;
      tally.count(`S3: ${drop.kind}`);
      tally.count('S3: lines, all drops', drop.body.toString('utf8').split('\n').length);
      await clients.s3.send(new PutObjectCommand({ Bucket: clients.bucket, Key: `incoming/default/${name}`, Body: drop.body }));
      const report = await reportOf(`reports/default/${name}.json`);

      expect({ accepted: report.accepted, rejectedLines: report.rejected.map((r) => r.line), truncated: report.rejectedTruncated }).toEqual({
        accepted: drop.expected.accepted.length,
        rejectedLines: drop.expected.rejected.map((r) => r.line),
        truncated: false,
      });
      for (const wanted of drop.expected.rejected) {
        const entry = report.rejected.find((r) => r.line === wanted.line)!;
        expect({ line: wanted.line, errors: entry.errors, named: hasIssue(entry.errors, wanted.issue) }).toEqual({ line: wanted.line, errors: entry.errors, named: true });
      }
      drop.expected.accepted.forEach((id) => acceptedFromS3.add(id));
    },
    120_000,
  );

  it('never published a bad line’s reading, failed no invocation and dead-lettered nothing', () => {
    expect(watch.received.filter((reading) => S3_BAD.includes(reading.deviceId))).toEqual([]);
    expect(under.runtime.runner.stats()['receive-s3-readings']!.errors).toBe(0);
    expect(under.runtime.bus.sqs.peekMessages(S3_DLQ)).toEqual([]);
  });
});

describe('PutEvents to the local bus: every malformed entry gets its error entry, no call is a 5xx', () => {
  const putEventsRaw = async (target: string, body: Buffer) => {
    const answer = await callApi(under.runtime.endpoints.eventbridge, '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body,
    });
    return { status: answer.status, body: answer.body as Record<string, unknown> | undefined };
  };

  test.prop([fc.array(putEventsEntry(), { minLength: 1, maxLength: 10 })], { numRuns: 250 })(
    'entries: each well-formed one accepted, each malformed one answered in its place with its error code',
    async (entries: FuzzEntry[]) => {
      entries.forEach((entry) => tally.count(`PutEvents entry: ${entry.kind}`));
      const answer = await putEventsRaw('AWSEvents.PutEvents', Buffer.from(JSON.stringify({ Entries: entries.map((e) => e.entry) })));

      expect(answer.status).toBe(200);
      const results = answer.body!['Entries'] as Array<{ EventId?: string; ErrorCode?: string; ErrorMessage?: string }>;
      expect(results.map((result) => result.ErrorCode ?? 'accepted')).toEqual(entries.map((entry) => entry.errorCode ?? 'accepted'));
      expect(results.every((result) => (result.ErrorCode ? typeof result.ErrorMessage === 'string' && result.ErrorMessage !== '' : typeof result.EventId === 'string'))).toBe(true);
      expect(answer.body!['FailedEntryCount']).toBe(entries.filter((entry) => entry.errorCode !== undefined).length);
    },
    60_000,
  );

  test.prop([malformedPutEventsCall()], { numRuns: 300 })('calls malformed as a whole → 400 with the AWS error type', async (call: FuzzCall) => {
    tally.count(`PutEvents call: ${call.kind}`);
    const answer = await putEventsRaw(call.target, call.body);

    expect({ status: answer.status, type: answer.body?.['__type'], hasMessage: typeof answer.body?.['message'] === 'string' }).toEqual({ status: 400, type: call.errorType, hasMessage: true });
  }, 60_000);

  it('the SDK sees the same: FailedEntryCount and an error code per malformed entry', async () => {
    const client = busClient(under.runtime, 'reliability-fuzz');
    try {
      const answer = await client.send(
        new PutEventsCommand({
          Entries: [
            { Source: FUZZ_SOURCE, DetailType: 'Probe', Detail: '{"ok":true}' },
            { Source: '', DetailType: 'Probe', Detail: '{}' },
            { Source: FUZZ_SOURCE, DetailType: 'Probe', Detail: '{"unterminated":' },
            { Source: FUZZ_SOURCE, DetailType: 'Probe', Detail: '{}', EventBusName: 'no-such-bus' },
            { Source: 'aws.s3', DetailType: 'Probe', Detail: '{}' },
          ],
        }),
      );

      expect(answer.FailedEntryCount).toBe(4);
      expect(answer.Entries!.map((entry) => entry.ErrorCode ?? 'accepted')).toEqual(['accepted', 'InvalidArgument', 'MalformedDetail', 'ResourceNotFoundException', 'NotAuthorizedForSourceException']);
    } finally {
      client.destroy();
    }
  });

  it('the bus stayed up and logged no internal error', async () => {
    const answer = await putEventsRaw('AWSEvents.PutEvents', Buffer.from(JSON.stringify({ Entries: [{ Source: FUZZ_SOURCE, DetailType: 'Probe', Detail: '{}' }] })));

    expect(answer.status).toBe(200);
    expect(under.log.filter((line) => line.startsWith('[bus]') && /internal error/i.test(line))).toEqual([]);
  });
});

describe('after the channel fuzz', () => {
  it('stored every valid reading that came by Kinesis or S3', async () => {
    const token = under.runtime.endpoints.operatorToken;
    const expected = new Set([
      ...acceptedFromS3,
      ...watch.received.filter((reading) => reading.channel === 'kinesis' && KINESIS_GOOD.includes(reading.deviceId)).map((reading) => reading.readingId),
    ]);
    await eventually('every valid channel reading stored', async () => {
      const stored = new Set<string>();
      for (const deviceId of [...KINESIS_GOOD, ...S3_GOOD]) for (const reading of await storedReadings(under.runtime.endpoints.api, token, deviceId)) stored.add(reading.readingId);
      return [...expected].every((id) => stored.has(id)) ? true : undefined;
    }, 60_000, 500);
    for (const deviceId of [...KINESIS_BAD, ...S3_BAD]) expect(await storedReadings(under.runtime.endpoints.api, token, deviceId)).toEqual([]);
  }, 90_000);
});
