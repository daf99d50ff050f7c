import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { InvokeResult } from '@pulse/function-runner';
import { ReadingsReceivedV1 } from '@pulse/schemas';
import { eventually, FakeRunner } from './__fixtures__/fake-runner';
import { FIVE_SERVICES } from './five-services';
import { startLocalBus, type LocalBus } from './local-bus';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

describe('startLocalBus with a directory: state survives a restart', () => {
  let directory: string;
  let local: LocalBus | undefined;
  let client: EventBridgeClient | undefined;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-restart-'));
  });
  afterEach(async () => {
    client?.destroy();
    await local?.close();
    local = undefined;
    client = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  async function start(runner: FakeRunner | { invoke(): Promise<InvokeResult> }): Promise<LocalBus> {
    local = await startLocalBus({ services: FIVE_SERVICES, directory, runner, timeScale: 3_600, log: () => undefined });
    return local;
  }

  it('delivers after a restart what was accepted but not delivered, and keeps dead letters', async () => {
    // Prepare: a function that never answers holds one delivery in flight; another event dead-letters
    const first = await start({ invoke: () => new Promise<InvokeResult>(() => undefined) });
    client = new EventBridgeClient({ endpoint: first.busEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'pulse-ingest', secretAccessKey: 'x' } });
    const entry = { Source: ReadingsReceivedV1.source, DetailType: ReadingsReceivedV1.detailType, Detail: '{"batch":"r-1"}', EventBusName: 'pulse-local' };
    const put = await client.send(new PutEventsCommand({ Entries: [entry] }));
    first.sqs.sendMessage('transform-dlq', '{"kept":true}');
    client.destroy();
    client = undefined;
    await first.close();

    // Act
    const runner = new FakeRunner();
    const second = await start(runner);
    const [invocation] = await eventually('the recovered delivery', () => runner.invocations.length > 0 && runner.invocations);

    // Assess
    expect(invocation).toMatchObject({ functionName: 'normalize-readings', event: { id: put.Entries?.[0]?.EventId } });
    expect(second.sqs.peekMessages('transform-dlq').map((m) => m.body)).toEqual(['{"kept":true}']);
  });
});
