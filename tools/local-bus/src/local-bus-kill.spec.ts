import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { InvokeResult } from '@pulse/function-runner';
import { DeviceRegisteredV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { eventually, FakeRunner } from './__fixtures__/fake-runner';
import { FIVE_SERVICES } from './five-services';
import { startLocalBus, type LocalBus } from './local-bus';
import type { BusEvent } from './model';
import type { FunctionInvoker } from './wiring/function-invoker';

const REGION = 'us-east-1';
const credentials = { accessKeyId: 'pulse-ingest', secretAccessKey: 'local' };
/** transform's target for ReadingsReceived, enrich's for DeviceRegistered: one rule each. */
const TARGET_OF: Readonly<Record<string, string>> = { ReadingsReceived: 'normalize-readings', DeviceRegistered: 'project-devices' };
const entry = (contract: typeof ReadingsReceivedV1 | typeof DeviceRegisteredV1, n: number) => ({
  Source: contract.source,
  DetailType: contract.detailType,
  Detail: JSON.stringify({ n }),
  EventBusName: 'pulse-local',
});

/**
 * Before the kill, transform's function never answers (its deliveries stay in flight) and
 * enrich's fails (its deliveries wait for a retry); after it, both succeed and are recorded.
 */
class TwoLivesRunner implements FunctionInvoker {
  afterKill = false;
  readonly hanging = new Set<string>();
  readonly failedOnce = new Set<string>();
  /** Event id → successful invocations, by function. */
  readonly succeeded = new Map<string, string[]>();

  async invoke(functionName: string, event: unknown): Promise<InvokeResult> {
    const { id } = event as BusEvent;
    if (!this.afterKill && functionName === 'normalize-readings') {
      this.hanging.add(id);
      return new Promise<InvokeResult>(() => undefined);
    }
    if (!this.afterKill) {
      this.failedOnce.add(id);
      return { ok: false, errorType: 'Error', errorMessage: 'not before the kill', durationMs: 0 };
    }
    this.succeeded.set(id, [...(this.succeeded.get(id) ?? []), functionName]);
    return { ok: true, result: null, durationMs: 0, coldStart: false };
  }
}

describe('killing the local bus and reviving it on the same state', () => {
  let directory: string;
  let local: LocalBus | undefined;
  const clients: Array<{ destroy(): void }> = [];
  const eventBridge = (maxAttempts: number) => track(new EventBridgeClient({ endpoint: local!.busEndpoint, region: REGION, credentials, maxAttempts }));
  function track<T extends { destroy(): void }>(client: T): T {
    clients.push(client);
    return client;
  }

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-kill-'));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await local?.close();
    local = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('delivers every entry a PutEvents acknowledged, the abandoned and the retrying ones included; calls the kill caught fail at their caller', async () => {
    // Prepare: real time (timeScale 1), so a failed delivery waits 0.5–1 s for its retry
    const runner = new TwoLivesRunner();
    local = await startLocalBus({ services: FIVE_SERVICES, directory, runner, log: () => undefined });
    const acknowledged = new Map<string, string>();
    const outcomes = { answered: 0, failed: 0, partlyFailed: 0 };
    let producing = true;
    const producer = async (worker: number) => {
      const client = eventBridge(1);
      for (let n = 0; producing; n += 1) {
        const contract = n % 2 === 0 ? ReadingsReceivedV1 : DeviceRegisteredV1;
        try {
          const answer = await client.send(new PutEventsCommand({ Entries: [entry(contract, worker * 100_000 + n)] }));
          outcomes.answered += 1;
          if (answer.FailedEntryCount !== 0) outcomes.partlyFailed += 1;
          else acknowledged.set(answer.Entries![0]!.EventId!, contract.detailType);
        } catch {
          outcomes.failed += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const producers = Array.from({ length: 4 }, (_, worker) => producer(worker));
    await eventually('deliveries in flight and retries pending', () => runner.hanging.size >= 10 && runner.failedOnce.size >= 10);
    const halfSent = putEventsCutShort(local.busEndpoint);
    await halfSent.started;

    // Act: kill; a call while it is down; revive; let the producers go on a little
    const pendingAtKill = local.dispatcher.stats().pending;
    await local.kill();
    const whileDown = await eventBridge(1)
      .send(new PutEventsCommand({ Entries: [entry(ReadingsReceivedV1, -1)] }))
      .then(() => undefined, (error: unknown) => error);
    const retriedAcrossTheRestart = eventBridge(10).send(new PutEventsCommand({ Entries: [entry(ReadingsReceivedV1, -2)] }));
    runner.afterKill = true;
    await local.revive();
    const acrossTheRestart = await retriedAcrossTheRestart;
    acknowledged.set(acrossTheRestart.Entries![0]!.EventId!, ReadingsReceivedV1.detailType);
    const answeredAtRevival = outcomes.answered;
    await eventually('more calls answered after the revival', () => outcomes.answered >= answeredAtRevival + 20);
    producing = false;
    await Promise.all(producers);
    await local.dispatcher.drain();

    // Assess: the kill reached the callers…
    expect(await halfSent.outcome).toMatchObject({ code: 'ECONNRESET' });
    expect(whileDown).toMatchObject({ message: expect.stringContaining('ECONNREFUSED') });
    expect(outcomes.partlyFailed).toBe(0);
    // …and every acknowledged entry reached its target after the revival, in flight or retrying at the kill alike
    const undelivered = [...acknowledged].filter(([id, detailType]) => !runner.succeeded.get(id)?.includes(TARGET_OF[detailType]!));
    expect(undelivered).toEqual([]);
    expect([...runner.hanging, ...runner.failedOnce].filter((id) => !runner.succeeded.has(id))).toEqual([]);
    expect(local.dispatcher.stats()).toMatchObject({ pending: 0, undeliverable: [] });
    expect(local.dispatcher.stats().recovered).toBeGreaterThanOrEqual(Math.min(pendingAtKill, runner.hanging.size + runner.failedOnce.size));
  }, 30_000);

  it('keeps SQS and its dead letters up while the bus is down; the views of the bus follow the new incarnation', async () => {
    // Prepare: transform fails every attempt, so its event ends in transform-dlq (4 retries take milliseconds at 3600×)
    const runner = new FakeRunner();
    runner.fail.set('normalize-readings', { errorType: 'Error', errorMessage: 'broken' });
    local = await startLocalBus({ services: FIVE_SERVICES, directory, runner, timeScale: 3_600, log: () => undefined });
    const seen: string[] = [];
    local.bus.onEvent((event) => seen.push(event.id));
    const first = await eventBridge(1).send(new PutEventsCommand({ Entries: [entry(ReadingsReceivedV1, 1)] }));
    await eventually('the dead letter', () => local!.dispatcher.stats().deadLettered === 1);

    // Act
    await local.kill();
    const sqs = track(new SQSClient({ endpoint: local.sqsEndpoint, region: REGION, credentials, maxAttempts: 1 }));
    const whileDown = await sqs.send(new ReceiveMessageCommand({ QueueUrl: local.sqs.queueUrl('transform-dlq'), VisibilityTimeout: 0 }));
    runner.fail.clear();
    await local.revive();
    const second = await eventBridge(1).send(new PutEventsCommand({ Entries: [entry(ReadingsReceivedV1, 2)] }));
    await local.dispatcher.drain();

    // Assess
    expect(JSON.parse(whileDown.Messages?.[0]?.Body ?? '{}')).toMatchObject({ id: first.Entries?.[0]?.EventId });
    expect(seen).toEqual([first.Entries?.[0]?.EventId, second.Entries?.[0]?.EventId]);
    expect(runner.of('normalize-readings').map((i) => i.event.id)).toContain(second.Entries?.[0]?.EventId);
    expect(local.dispatcher.stats()).toMatchObject({ deadLettered: 1, delivered: 1, pending: 0 });
  });
});

/** A PutEvents whose body is only half sent: in progress on the server when the bus is killed. */
function putEventsCutShort(endpoint: string): { started: Promise<void>; outcome: Promise<unknown> } {
  const body = JSON.stringify({ Entries: [entry(ReadingsReceivedV1, 0)] });
  const req = request(`${endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents', 'content-length': Buffer.byteLength(body) },
  });
  const outcome = new Promise<unknown>((resolve) => {
    req.on('error', resolve);
    req.on('response', (response) => resolve({ status: response.statusCode }));
  });
  req.write(body.slice(0, body.length / 2));
  // The request reached the server once its socket is connected and the headers are flushed.
  const started = new Promise<void>((resolve) => req.on('socket', (socket) => socket.once('connect', () => setTimeout(resolve, 50))));
  return { started, outcome };
}
