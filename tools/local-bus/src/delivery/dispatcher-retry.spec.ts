import type { TargetInvoker } from '../model';
import { BACKOFF_CAP_MS } from './backoff';
import { createDispatcher } from './dispatcher';
import type { DispatcherOptions, RunningDispatcher } from './dispatcher-types';
import { delivery, recordingInvoker } from './__fixtures__/deliveries';

const DLQ = 'transform-normalize-readings-dlq';
const quiet = () => undefined;

describe('dispatcher retries and dead-letter queues (in-memory journal)', () => {
  let dispatcher: RunningDispatcher | undefined;
  const open = (options: DispatcherOptions) => {
    dispatcher = createDispatcher({ log: quiet, ...options });
    return dispatcher;
  };
  afterEach(async () => {
    await dispatcher?.close();
    dispatcher = undefined;
  });

  it('retries a failing function and delivers it once it succeeds, without touching the DLQ', async () => {
    // Prepare
    const target = recordingInvoker((id) => (id === 'e1' ? 2 : 0));
    const delivered: Array<[string, number]> = [];
    const bus = open({
      invoker: target.invoker,
      timeScale: 10_000,
      onDelivered: (d, attempts) => delivered.push([d.event.id, attempts]),
    });

    // Act
    await bus.enqueue([delivery('e1', { deadLetterQueue: DLQ }), delivery('e2', { deadLetterQueue: DLQ })]);
    await bus.drain();

    // Assess
    expect(target.invocations.filter((i) => i === 'e1')).toHaveLength(3);
    expect(delivered.sort()).toEqual([
      ['e1', 3],
      ['e2', 1],
    ]);
    expect(target.messages).toEqual([]);
    expect(bus.stats()).toMatchObject({ pending: 0, delivered: 2, retries: 2, deadLettered: 0 });
  });

  it('sends an always-failing delivery to its DLQ with the event as body and AWS attributes', async () => {
    // Prepare
    const target = recordingInvoker(() => Infinity);
    const bus = open({ invoker: target.invoker, timeScale: 10_000 });
    const d = delivery('e1', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 86_400 } });

    // Act
    await bus.enqueue([d]);
    await bus.drain();

    // Assess
    expect(target.invocations).toHaveLength(4);
    expect(target.messages).toHaveLength(1);
    const [message] = target.messages;
    expect(message!.queue).toBe(DLQ);
    expect(JSON.parse(message!.body)).toEqual(d.event);
    expect(message!.attributes).toEqual({
      RULE_ARN: d.ruleArn,
      TARGET_ARN: d.target.arn,
      ERROR_CODE: 'ERROR_FROM_TARGET',
      ERROR_MESSAGE: 'boom 4 for e1',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '3',
    });
    expect(bus.stats()).toMatchObject({ pending: 0, deadLettered: 1, delivered: 0 });
  });

  it('goes straight to the DLQ after one attempt when MaximumRetryAttempts is 0', async () => {
    // Prepare
    const target = recordingInvoker(() => Infinity);
    const scheduled: number[] = [];
    const bus = open({ invoker: target.invoker, onRetryScheduled: (_d, _r, delay) => scheduled.push(delay) });

    // Act
    await bus.enqueue([delivery('e1', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } })]);
    await bus.drain();

    // Assess
    expect(target.invocations).toEqual(['e1']);
    expect(scheduled).toEqual([]);
    expect(target.messages[0]!.attributes).toMatchObject({ EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts', RETRY_ATTEMPTS: '0' });
  });

  it('stops retrying once the event is older than MaximumEventAgeInSeconds', async () => {
    // Prepare: 185 retries allowed, but only 60 bus-seconds, which 1,000x compression makes 60 ms
    const target = recordingInvoker(() => Infinity);
    const scheduled: number[] = [];
    const bus = open({
      invoker: target.invoker,
      timeScale: 1_000,
      random: () => 0,
      onRetryScheduled: (_d, _r, delay) => scheduled.push(delay),
    });

    // Act
    await bus.enqueue([delivery('e1', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 60 } })]);
    await bus.drain();

    // Assess
    expect(target.invocations.length).toBeLessThan(10);
    expect(scheduled.reduce((a, b) => a + b, 0)).toBeLessThan(60_000);
    expect(target.messages[0]!.attributes).toMatchObject({
      EXHAUSTED_RETRY_CONDITION: 'MaximumEventAgeInSeconds',
      ERROR_CODE: 'ERROR_FROM_TARGET',
      RETRY_ATTEMPTS: String(target.invocations.length - 1),
    });
  });

  it('sends a delivery accepted longer ago than its age limit to the DLQ as EVENT_EXPIRED without calling the target', async () => {
    // Prepare: the bus clock jumps two minutes between accepting and attempting
    let now = Date.parse('2026-11-22T12:00:00Z');
    const target = recordingInvoker();
    let release = (): void => undefined;
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const invoker: TargetInvoker = {
      ...target.invoker,
      invokeFunction: async (name, event) => {
        if (event.id === 'blocker') await blocker;
        return target.invoker.invokeFunction(name, event);
      },
    };
    const bus = open({ invoker, clock: () => now, maxInFlight: 1 });

    // Act
    await bus.enqueue([delivery('blocker'), delivery('late', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 5, maximumEventAgeSeconds: 60 } })]);
    now += 120_000;
    release();
    await bus.drain();

    // Assess
    expect(target.invocations).toEqual(['blocker']);
    expect(target.messages[0]!.attributes).toMatchObject({ ERROR_CODE: 'EVENT_EXPIRED', EXHAUSTED_RETRY_CONDITION: 'MaximumEventAgeInSeconds' });
  });

  it('schedules growing backoff delays with jitter, up to the cap', async () => {
    // Prepare
    const target = recordingInvoker(() => Infinity);
    const scheduled: Array<[number, number]> = [];
    const bus = open({
      invoker: target.invoker,
      timeScale: 100_000,
      random: () => 0.5,
      onRetryScheduled: (_d, retry, delay) => scheduled.push([retry, delay]),
    });

    // Act
    await bus.enqueue([delivery('e1', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 12, maximumEventAgeSeconds: 86_400 } })]);
    await bus.drain();

    // Assess
    expect(scheduled.map(([retry]) => retry)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const delays = scheduled.map(([, delay]) => delay);
    expect(delays.slice(0, 4)).toEqual([750, 1_500, 3_000, 6_000]);
    for (let i = 1; i < 10; i += 1) expect(delays[i]).toBe(delays[i - 1]! * 2);
    expect(delays.at(-1)).toBe(0.75 * BACKOFF_CAP_MS);
  });

  it('runs 185 retries spanning most of a day in a few seconds with time compression', async () => {
    // Prepare: 25,000 bus seconds per real second
    const target = recordingInvoker(() => Infinity);
    const scheduled: number[] = [];
    const bus = open({
      invoker: target.invoker,
      timeScale: 25_000,
      random: () => 0.25,
      onRetryScheduled: (_d, _r, delay) => scheduled.push(delay),
    });
    const started = Date.now();

    // Act
    await bus.enqueue([delivery('e1', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 } })]);
    await bus.drain();

    // Assess
    const busHours = scheduled.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(target.invocations).toHaveLength(186);
    expect(busHours).toBeGreaterThan(18);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(target.messages[0]!.attributes).toMatchObject({ EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts', RETRY_ATTEMPTS: '185' });
  }, 15_000);

  it('keeps at most maxInFlight attempts running, and a hanging target does not hold up the others', async () => {
    // Prepare: two deliveries hang forever, eight succeed; three slots
    let running = 0;
    let mostRunning = 0;
    const hang = new Promise<void>(() => undefined);
    const delivered: string[] = [];
    const bus = open({
      maxInFlight: 3,
      invoker: {
        ...recordingInvoker().invoker,
        invokeFunction: async (_name, event) => {
          running += 1;
          mostRunning = Math.max(mostRunning, running);
          if (event.id.startsWith('hang')) await hang;
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
        },
      },
      onDelivered: (d) => delivered.push(d.event.id),
    });
    const ids = ['hang-1', 'hang-2', ...Array.from({ length: 8 }, (_, i) => `ok-${i}`)];

    // Act
    await bus.enqueue(ids.map((id) => delivery(id)));
    await waitUntil(() => delivered.length === 8);

    // Assess
    expect(delivered.sort()).toEqual(ids.filter((id) => id.startsWith('ok')).sort());
    expect(mostRunning).toBe(3);
    expect(bus.stats()).toMatchObject({ inFlight: 2, pending: 2 });
  });

  it('keeps delivering when an observer callback throws, and refuses work once closed', async () => {
    // Prepare
    const target = recordingInvoker();
    const lines: string[] = [];
    const bus = open({
      invoker: target.invoker,
      log: (line) => lines.push(line),
      onDelivered: () => {
        throw new Error('observer bug');
      },
    });

    // Act
    await bus.enqueue([delivery('e1'), delivery('e2')]);
    await bus.drain();
    await bus.close();
    const afterClose = bus.enqueue([delivery('e3')]);

    // Assess
    expect(target.invocations.sort()).toEqual(['e1', 'e2']);
    expect(lines.filter((l) => l.includes('observer bug'))).toHaveLength(2);
    await expect(afterClose).rejects.toThrow(/closed/);
  });

  it('sends to SQS and API-destination targets through the matching invoker call', async () => {
    // Prepare
    const target = recordingInvoker();
    const bus = open({ invoker: target.invoker });

    // Act
    await bus.enqueue([delivery('q1', { kind: 'sqs' }), delivery('w1', { kind: 'apiDestination' })]);
    await bus.drain();

    // Assess
    expect(target.messages.map((m) => [m.queue, JSON.parse(m.body).id, m.attributes])).toEqual([['transform-normalize-readings', 'q1', {}]]);
    expect(target.webhooks).toEqual(['w1']);
  });

  it('does not retry a missing target (NO_RESOURCE) and records it as undeliverable when there is no DLQ', async () => {
    // Prepare
    const lines: string[] = [];
    const target = recordingInvoker();
    const missing = Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' });
    const bus = open({
      invoker: { ...target.invoker, invokeFunction: async () => Promise.reject(missing) },
      log: (line) => lines.push(line),
    });

    // Act
    await bus.enqueue([delivery('e1')]);
    await bus.drain();

    // Assess
    const [record] = bus.stats().undeliverable;
    expect(record!.event.id).toBe('e1');
    expect(record!.attributes).toMatchObject({ ERROR_CODE: 'NO_RESOURCE', ERROR_MESSAGE: 'Function not found', RETRY_ATTEMPTS: '0' });
    expect(record!.attributes).not.toHaveProperty('EXHAUSTED_RETRY_CONDITION');
    expect(lines.join('\n')).toMatch(/UNDELIVERABLE: event e1/);
  });

  it('keeps retrying a failing DLQ send until the DLQ accepts it', async () => {
    // Prepare
    const target = recordingInvoker(() => Infinity);
    let dlqFailures = 3;
    const bus = open({
      invoker: {
        ...target.invoker,
        sendToQueue: async (queue, body, attributes) => {
          if (dlqFailures-- > 0) throw new Error('queue unavailable');
          await target.invoker.sendToQueue(queue, body, attributes);
        },
      },
      timeScale: 1_000_000,
    });

    // Act
    await bus.enqueue([delivery('e1', { deadLetterQueue: DLQ, retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } })]);
    await bus.drain();

    // Assess
    expect(target.messages).toHaveLength(1);
    expect(bus.stats()).toMatchObject({ dlqSendFailures: 3, deadLettered: 1, pending: 0 });
    expect(target.invocations).toEqual(['e1']);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}
