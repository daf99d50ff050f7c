import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileArchive, type FileArchive } from '../archive/file-archive';
import { startBusServer, type BusServer } from '../server';
import { createDispatcher } from './dispatcher';
import type { RunningDispatcher } from './dispatcher-types';
import type { BusEvent } from '../model';
import type { QueueMessage } from './__fixtures__/deliveries';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

describe('PutEvents through the bus server into the dispatcher (real EventBridge SDK)', () => {
  let directory: string;
  let dispatcher: RunningDispatcher | undefined;
  let archive: FileArchive | undefined;
  let server: BusServer | undefined;
  let client: EventBridgeClient | undefined;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-e2e-'));
  });
  afterEach(async () => {
    client?.destroy();
    await server?.close();
    await dispatcher?.close();
    await archive?.close();
    client = undefined;
    server = undefined;
    dispatcher = undefined;
    archive = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('delivers a matching event to its function and a failing one to the DLQ, with the journal and archive on disk', async () => {
    // Prepare: one rule, a function target that fails for 'bad' readings, retried twice then its DLQ
    const invoked: string[] = [];
    const deadLetters: QueueMessage[] = [];
    const kindOf = (event: BusEvent) => (event.detail as { kind: string }).kind;
    dispatcher = createDispatcher({
      directory: join(directory, 'journal'),
      timeScale: 10_000,
      log: () => undefined,
      invoker: {
        invokeFunction: async (name, event) => {
          invoked.push(`${name}:${kindOf(event)}`);
          if (kindOf(event) === 'doomed') throw new Error('cannot normalize');
        },
        sendToQueue: async (queue, body, attributes) => void deadLetters.push({ queue, body, attributes }),
        callApiDestination: async () => undefined,
      },
    });
    archive = createFileArchive({ directory: join(directory, 'archive') });
    server = await startBusServer({ port: 0, dispatcher, archive, log: () => undefined });
    client = new EventBridgeClient({ endpoint: server.endpoint, region: REGION, credentials: { accessKeyId: 'developer', secretAccessKey: 'x' } });
    await client.send(new PutRuleCommand({ Name: 'readings', EventPattern: JSON.stringify({ source: ['pulse.test'] }) }));
    await client.send(
      new PutTargetsCommand({
        Rule: 'readings',
        Targets: [
          {
            Id: 'fn',
            Arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:normalize`,
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3_600 },
            DeadLetterConfig: { Arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:normalize-dlq` },
          },
        ],
      }),
    );

    // Act
    const put = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'pulse.test', DetailType: 'Reading', Detail: JSON.stringify({ kind: 'fine' }) },
          { Source: 'pulse.test', DetailType: 'Reading', Detail: JSON.stringify({ kind: 'doomed' }) },
          { Source: 'pulse.other', DetailType: 'Reading', Detail: JSON.stringify({ kind: 'unmatched' }) },
        ],
      }),
    );
    await dispatcher.drain();

    // Assess
    expect(put.FailedEntryCount).toBe(0);
    expect(invoked.sort()).toEqual(['normalize:doomed', 'normalize:doomed', 'normalize:doomed', 'normalize:fine']);
    expect(deadLetters).toHaveLength(1);
    const [dead] = deadLetters;
    expect(dead!.queue).toBe('normalize-dlq');
    expect(JSON.parse(dead!.body)).toMatchObject({ source: 'pulse.test', detail: { kind: 'doomed' } });
    expect(dead!.attributes).toMatchObject({
      RULE_ARN: expect.stringMatching(/:rule\/.*readings$/),
      TARGET_ARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:normalize`,
      ERROR_CODE: 'ERROR_FROM_TARGET',
      ERROR_MESSAGE: 'cannot normalize',
      RETRY_ATTEMPTS: '2',
    });
    const archived: string[] = [];
    for await (const event of archive.read(new Date(Date.now() - 60_000), new Date(Date.now() + 60_000))) {
      archived.push(kindOf(event));
    }
    expect(archived.sort()).toEqual(['doomed', 'fine', 'unmatched']);
  });
});
