import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { drillDevices, registerDrillDevices, type ApiTarget } from '../drill/drill-devices';
import { startDrillRuntime, type DrillRuntime } from '../drill/drill-runtime';
import { waitForQuiet } from '../drill/pipeline-quiet';
import { sendReadings } from '../drill/reading-sender';
import { redriveDeadLetterQueues } from '../drill/redrive';
import { sleep } from '../drill/sleep';
import { readDeadLetters } from './dead-letters';
import { formatReconcileReport } from './format-report';
import { reconcile } from './reconcile';

const DEVICES = drillDevices(4, 'rc');

let drill: DrillRuntime;
let target: ApiTarget;
let dynamodb: DynamoDBClient;
let table: string;

beforeAll(async () => {
  drill = await startDrillRuntime({ timeScale: 60 });
  const { endpoints } = drill.runtime;
  target = { api: endpoints.api, apiKey: endpoints.apiKey };
  dynamodb = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  table = drill.runtime.dynamodb.tables['Readings'];
  await registerDrillDevices(target, DEVICES);
}, 60_000);

afterAll(async () => {
  dynamodb?.destroy();
  await drill?.close();
}, 30_000);

const quiet = async () => expect(await waitForQuiet(drill.runtime, { timeoutMs: 20_000 })).toBe(true);
const reconcileSince = (since: number) =>
  reconcile({ archiveDirectory: drill.archiveDirectory, dynamodbEndpoint: drill.runtime.endpoints.dynamodb, sqsEndpoint: drill.runtime.endpoints.sqs, since });

async function send(count: number, firstTimestampMs: number): Promise<string[]> {
  const result = await sendReadings({ target, devices: DEVICES, count, firstTimestampMs, batchSize: count, deadline: Date.now() + 20_000 });
  expect(result.rejections).toEqual([]);
  expect(result.acknowledged.size).toBe(count);
  return [...result.acknowledged];
}

/** The Readings key of a readingId, as persist writes it for fleet `default`. */
function keyOf(readingId: string, fleet = drill.runtime.fleetId) {
  const at = readingId.lastIndexOf('@');
  return { pk: { S: `${fleet}#${readingId.slice(0, at)}` }, ts: { N: readingId.slice(at + 1) } };
}

describe('reconcile against a running pipeline', () => {
  let since: number;
  let a: string[];
  let b: string[];

  it('reports a planted missing, stored-twice and stored-and-dead-lettered reading, and why the dead letters failed', async () => {
    // Prepare: batch 0 before the window; A stored; B dead-lettered by transform (every attempt fails)
    const base = drill.runtime.time.clock.now() - 120_000;
    await send(5, base);
    await quiet();
    await sleep(50); // 3 s of pipeline time: batch 0's events fall before the window's first second
    since = drill.runtime.time.clock.now();
    a = await send(20, base + 1_000);
    await quiet();
    drill.runtime.runner.setFaults([{ target: 'normalize-readings', probability: 1, kind: 'error' }]);
    b = await send(10, base + 2_000);
    await quiet();
    drill.runtime.runner.setFaults([]);
    // …and the plants: A[0] lost, A[1] also under another fleet's key, B[0] stored although dead-lettered
    await dynamodb.send(new DeleteItemCommand({ TableName: table, Key: keyOf(a[0]) }));
    const copied = await dynamodb.send(new GetItemCommand({ TableName: table, Key: keyOf(a[1]) }));
    await dynamodb.send(new PutItemCommand({ TableName: table, Item: { ...copied.Item, ...keyOf(a[1], 'another-fleet') } }));
    await dynamodb.send(new PutItemCommand({ TableName: table, Item: { ...keyOf(b[0]), registered: { BOOL: true } } }));

    // Act
    const report = await reconcileSince(since);
    const letters = await readDeadLetters({ endpoint: drill.runtime.endpoints.sqs, region: drill.runtime.endpoints.region });

    // Assess
    expect(report).toMatchObject({
      acknowledged: 30,
      stored: 20,
      deadLettered: 10,
      missing: 1,
      duplicated: 2,
      storedTwice: 1,
      storedAndDeadLettered: 1,
      deadLetterMessages: 1,
      ok: false,
    });
    expect(report.samples).toEqual({
      missing: [a[0]],
      storedTwice: [{ readingId: a[1], keys: expect.arrayContaining([`default#${a[1].replace('@', '|')}`, `another-fleet#${a[1].replace('@', '|')}`]) }],
      storedAndDeadLettered: [{ readingId: b[0], queues: ['transform-dlq'] }],
    });
    expect(report.reasons).toEqual([
      {
        queue: 'transform-dlq',
        rule: 'transform-readings-received',
        onStoragePath: true,
        errorCode: 'ERROR_FROM_TARGET',
        errorMessage: 'Injected fault (PULSE_FAULTS): normalize-readings failed',
        exhausted: 'MaximumRetryAttempts',
        messages: 1,
        readings: 10,
      },
    ]);
    // The bus retried the injected failure under transform's policy (4 retries) before giving up.
    expect(letters).toEqual([expect.objectContaining({ queue: 'transform-dlq', retryAttempts: 4, detailType: 'ReadingsReceived', readingIds: b })]);
    const table_ = formatReconcileReport(report);
    expect(table_).toMatch(/missing\s+1\s+3\.33 %/);
    expect(table_).toMatch(/transform-dlq\s+yes\s+ERROR_FROM_TARGET\s+1\s+10\s+Injected fault \(PULSE_FAULTS\): normalize-readings failed \(MaximumRetryAttempts\)/);
  }, 60_000);

  it('after a redrive with the faults gone, the dead-lettered readings are stored and the queue is empty', async () => {
    // Act
    const redrive = await redriveDeadLetterQueues({ sqsEndpoint: drill.runtime.endpoints.sqs, busEndpoint: drill.runtime.endpoints.eventbridge, region: drill.runtime.endpoints.region });
    await quiet();
    const report = await reconcileSince(since);

    // Assess: only the planted loss and the planted second key remain
    expect(redrive).toMatchObject({ redriven: 1, problems: [] });
    expect(redrive.byQueue['transform-dlq']).toEqual({ redriven: 1, left: 0 });
    expect(report).toMatchObject({ acknowledged: 30, stored: 29, deadLettered: 0, missing: 1, duplicated: 1, storedTwice: 1, storedAndDeadLettered: 0, reasons: [] });
    expect(b.every((id) => !report.samples.missing.includes(id))).toBe(true);
  }, 60_000);

  it('counts everything archived when no since is given', async () => {
    const report = await reconcile({ archiveDirectory: drill.archiveDirectory, dynamodbEndpoint: drill.runtime.endpoints.dynamodb, sqsEndpoint: drill.runtime.endpoints.sqs });

    expect(report.acknowledged).toBe(35);
    expect(report.stored).toBe(34);
  }, 30_000);
});

describe('injected faults, seen from outside', () => {
  afterEach(() => drill.runtime.runner.setFaults([]));

  it.each(['error', 'throttle'] as const)('a %s in receive-readings reaches the sensor as API Gateway answers a failed integration', async (kind) => {
    // Prepare
    drill.runtime.runner.setFaults([{ target: 'receive-readings', probability: 1, kind }]);

    // Act
    const response = await fetch(`${target.api}/v1/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': target.apiKey },
      body: JSON.stringify({ readings: [{ deviceId: DEVICES[0], timestamp: new Date(drill.runtime.time.clock.now()).toISOString(), measurements: { pm25: 5 } }] }),
    });

    // Assess
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(drill.runtime.runner.stats()['receive-readings'].injectedFaults).toBeGreaterThan(0);
  });
});
