import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBusServer, type BusServer, type Delivery } from '@pulse/local-bus';
import { startSqsServer, type SqsServer } from '@pulse/local-sqs';
import { contracts } from '@pulse/schemas';
import { runPulse } from '../testing/run-pulse';
import { ruleNameFromArn, targetIdFromArn } from './dlq';
import { DECLARED_SERVICES } from './explain';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const enriched = contracts.find((c) => c.name === 'ReadingsEnriched')!.sample as unknown as { id: string };
const normalized = contracts.find((c) => c.name === 'ReadingsNormalized')!.sample as unknown as { id: string };

const RULE_ARN = 'arn:aws:events:us-east-1:000000000000:rule/pulse-local/persist-readings-enriched';
const TARGET_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:store-readings';

/** What the bus writes on a dead-letter message. */
function deadLetterAttributes(ruleArn: string, targetArn: string) {
  const attributes = { ERROR_CODE: 'ERROR_FROM_TARGET', ERROR_MESSAGE: 'ConditionalCheckFailed: boom', RULE_ARN: ruleArn, TARGET_ARN: targetArn };
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]));
}

interface RedeliverCall {
  ruleName: string;
  targetId: string;
  event: { id: string };
}

/** A stand-in for the bus's POST /_pulse/redeliver: 202 for known rule/target pairs, 404 otherwise. */
async function startRedeliverServer(known: Record<string, string>): Promise<{ url: string; calls: RedeliverCall[]; close(): Promise<void> }> {
  const calls: RedeliverCall[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/_pulse/redeliver') return void res.writeHead(405).end();
      const call = JSON.parse(text) as RedeliverCall;
      calls.push(call);
      if (known[call.ruleName] === call.targetId) res.writeHead(202).end();
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"unknown rule or target"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('dead-letter ARNs', () => {
  it('reads the rule name on a named bus and on the default bus', () => {
    expect(ruleNameFromArn(RULE_ARN)).toBe('persist-readings-enriched');
    expect(ruleNameFromArn('arn:aws:events:eu-west-1:123456789012:rule/nightly')).toBe('nightly');
    expect(ruleNameFromArn('arn:aws:lambda:us-east-1:000000000000:function:x')).toBeUndefined();
  });

  it('reads the target Id the bus uses: function, queue, topic or API destination name', () => {
    expect(targetIdFromArn(TARGET_ARN)).toBe('store-readings');
    expect(targetIdFromArn('arn:aws:lambda:us-east-1:000000000000:function:store-readings:live')).toBe('store-readings');
    expect(targetIdFromArn('arn:aws:sqs:us-east-1:000000000000:audit-queue')).toBe('audit-queue');
    expect(targetIdFromArn('arn:aws:sns:us-east-1:000000000000:alerts')).toBe('alerts');
    expect(targetIdFromArn('arn:aws:events:us-east-1:000000000000:api-destination/alerts-webhook/6f2d')).toBe('alerts-webhook');
    expect(targetIdFromArn('store-readings')).toBeUndefined();
  });
});

describe('pulse dlq', () => {
  let sqs: SqsServer | undefined;
  let bus: Awaited<ReturnType<typeof startRedeliverServer>> | undefined;

  beforeEach(async () => {
    sqs = await startSqsServer({ port: 0, log: () => undefined });
  });
  afterEach(async () => {
    await Promise.allSettled([sqs?.close(), bus?.close()]);
    sqs = undefined;
    bus = undefined;
  });

  function fill(queue: string, ...events: { id: string }[]) {
    sqs!.createQueue(queue);
    for (const event of events) sqs!.sendMessage(queue, JSON.stringify(event), deadLetterAttributes(RULE_ARN, TARGET_ARN));
  }

  it('list: every queue with its message count', async () => {
    // Prepare
    fill('persist-dlq', enriched, enriched);
    fill('alert-dlq');
    // Act
    const result = await runPulse('dlq', 'list', '--sqs-endpoint', sqs!.endpoint, '--verbose');
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^persist-dlq\s+2\s+0$/m);
    expect(result.stdout).toMatch(/^alert-dlq\s+0\s+0$/m);
    expect(result.stderr).toContain(`sqs endpoint ${sqs!.endpoint} (from --sqs-endpoint)`);
  });

  it('show: prints why each message failed and the event, without consuming or hiding any', async () => {
    // Prepare
    fill('persist-dlq', enriched, normalized, enriched);
    // Act
    const result = await runPulse('dlq', 'show', 'persist-dlq', '--max', '2', '--sqs-endpoint', sqs!.endpoint);
    const after = await runPulse('dlq', 'list', '--sqs-endpoint', sqs!.endpoint, '--json');
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^message /gm)).toHaveLength(2);
    expect(result.stdout).toContain(`event ${enriched.id}  pulse.enrich  ReadingsEnriched`);
    expect(result.stdout).toContain('  ERROR_CODE    ERROR_FROM_TARGET');
    expect(result.stdout).toContain('  ERROR_MESSAGE ConditionalCheckFailed: boom');
    expect(result.stdout).toContain(`  RULE_ARN      ${RULE_ARN}`);
    expect(result.stdout).toContain(`  TARGET_ARN    ${TARGET_ARN}`);
    expect(JSON.parse(after.stdout)).toEqual([expect.objectContaining({ name: 'persist-dlq', messages: 3, inFlight: 0 })]);
  });

  it('show: an unknown queue fails naming the queues that exist', async () => {
    fill('persist-dlq');
    const result = await runPulse('dlq', 'show', 'nope', '--sqs-endpoint', sqs!.endpoint);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("pulse dlq show: no queue 'nope'; queues: persist-dlq\n");
  });

  it('show: rejects a bad --max with exit 2', async () => {
    fill('persist-dlq');
    const result = await runPulse('dlq', 'show', 'persist-dlq', '--max', '0', '--sqs-endpoint', sqs!.endpoint);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--max must be a whole number ≥ 1, got '0'/);
  });

  it("redrive: sends each event to its rule's target and deletes only what the bus accepted", async () => {
    // Prepare: two deliverable messages, one whose target the bus does not know
    bus = await startRedeliverServer({ 'persist-readings-enriched': 'store-readings' });
    fill('persist-dlq', enriched, normalized);
    sqs!.sendMessage('persist-dlq', JSON.stringify({ id: 'orphan' }), deadLetterAttributes(RULE_ARN, 'arn:aws:lambda:us-east-1:000000000000:function:gone'));
    // Act
    const result = await runPulse('dlq', 'redrive', 'persist-dlq', '--sqs-endpoint', sqs!.endpoint, '--endpoint', bus.url);
    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^redriven 2 of 3 message\(s\) from persist-dlq; 1 failed$/m);
    expect(result.stdout).toMatch(/the bus answered 404 for rule persist-readings-enriched, target gone/);
    expect(bus.calls.map((c) => [c.ruleName, c.targetId, c.event.id]).sort()).toEqual(
      [
        ['persist-readings-enriched', 'gone', 'orphan'],
        ['persist-readings-enriched', 'store-readings', enriched.id],
        ['persist-readings-enriched', 'store-readings', normalized.id],
      ].sort(),
    );
    const left = sqs!.peekMessages('persist-dlq');
    expect(left.map((m) => JSON.parse(m.body) as { id: string }).map((e) => e.id)).toEqual(['orphan']);
    const list = await runPulse('dlq', 'list', '--sqs-endpoint', sqs!.endpoint, '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ messages: 1, inFlight: 0 })]);
  });

  it('redrive --max: takes only that many', async () => {
    bus = await startRedeliverServer({ 'persist-readings-enriched': 'store-readings' });
    fill('persist-dlq', enriched, enriched, enriched);
    const result = await runPulse('dlq', 'redrive', 'persist-dlq', '--max', '2', '--sqs-endpoint', sqs!.endpoint, '--endpoint', bus.url);
    expect(result.code).toBe(0);
    expect(bus.calls).toHaveLength(2);
    expect(sqs!.peekMessages('persist-dlq')).toHaveLength(1);
  });

  it('redrive: with the bus unreachable nothing is deleted', async () => {
    // Prepare: a port that was free a moment ago
    bus = await startRedeliverServer({});
    const url = bus.url;
    await bus.close();
    bus = undefined;
    fill('persist-dlq', enriched);
    // Act
    const result = await runPulse('dlq', 'redrive', 'persist-dlq', '--sqs-endpoint', sqs!.endpoint, '--endpoint', url);
    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`cannot reach ${url} (from --endpoint): ECONNREFUSED`);
    expect(sqs!.peekMessages('persist-dlq')).toHaveLength(1);
  });

  it('names the SQS endpoint it could not reach', async () => {
    const url = sqs!.endpoint;
    await sqs!.close();
    sqs = undefined;
    const result = await runPulse('dlq', 'list', '--sqs-endpoint', url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach ${url} (from --sqs-endpoint): ECONNREFUSED`);
  });
});

describe('pulse dlq redrive against the local bus', () => {
  let sqs: SqsServer | undefined;
  let bus: BusServer | undefined;
  afterEach(async () => {
    await Promise.allSettled([sqs?.close(), bus?.close()]);
    sqs = undefined;
    bus = undefined;
  });

  it("enqueues each event for exactly its rule's target, and keeps what the bus refused", async () => {
    // Prepare: the bus's own rule and target ARNs on the DLQ messages, as its dispatcher writes them
    const deliveries: Delivery[] = [];
    bus = await startBusServer({
      port: 0,
      log: () => undefined,
      services: DECLARED_SERVICES,
      dispatcher: { enqueue: async (batch) => void deliveries.push(...batch) },
      archive: { append: async () => undefined, read: nothingArchived },
    });
    const rule = bus.rules().find((r) => r.name === 'alert-readings-enriched')!;
    sqs = await startSqsServer({ port: 0, log: () => undefined });
    sqs.createQueue('alert-dlq');
    sqs.sendMessage('alert-dlq', JSON.stringify(enriched), deadLetterAttributes(rule.arn, rule.targets[0]!.arn));
    sqs.sendMessage('alert-dlq', JSON.stringify(normalized), deadLetterAttributes(rule.arn, 'arn:aws:lambda:us-east-1:000000000000:function:gone'));
    // Act
    const result = await runPulse('dlq', 'redrive', 'alert-dlq', '--sqs-endpoint', sqs.endpoint, '--endpoint', bus.endpoint);
    // Assess
    expect(result.stdout).toMatch(/^redriven 1 of 2 message\(s\) from alert-dlq; 1 failed$/m);
    expect(result.stdout).toContain('the bus answered 404 for rule alert-readings-enriched, target gone');
    expect(result.code).toBe(1);
    expect(deliveries.map((d) => [d.ruleName, d.target.id, d.event.id])).toEqual([['alert-readings-enriched', 'evaluate-readings', enriched.id]]);
    expect(sqs.peekMessages('alert-dlq').map((m) => (JSON.parse(m.body) as { id: string }).id)).toEqual([normalized.id]);
  });
});

async function* nothingArchived(): AsyncGenerator<never> {
  // these tests never replay
}
