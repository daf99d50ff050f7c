import { startBusServer, type BusEvent, type BusServer, type Delivery, type Replayer } from '@pulse/local-bus';
import { contracts } from '@pulse/schemas';
import { runPulse } from '../testing/run-pulse';
import { DECLARED_SERVICES } from './explain';
import { ruleArnOf, startReplayInput } from './replay';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const sampleAt = (name: string, id: string, time: string) => ({ ...(contracts.find((c) => c.name === name)!.sample as unknown as BusEvent), id, time });

/** Three archived events: two in the window 12:00–13:00, one after it. */
const ARCHIVED: BusEvent[] = [
  sampleAt('ReadingsEnriched', 'in-1', '2024-05-01T12:10:00Z'),
  sampleAt('ReadingsReceived', 'in-2', '2024-05-01T12:20:00Z'),
  sampleAt('ReadingsEnriched', 'after', '2024-05-01T13:30:00Z'),
];

describe('replay inputs', () => {
  it('builds the archive, bus and rule ARNs as AWS spells them', () => {
    const input = startReplayInput({
      name: 'r1',
      from: new Date('2024-05-01T12:00:00Z'),
      to: new Date('2024-05-01T13:00:00Z'),
      archive: 'pulse-local-archive',
      bus: 'pulse-local',
      rules: ['persist-readings-enriched'],
      region: 'eu-west-1',
    });
    expect(input.EventSourceArn).toBe('arn:aws:events:eu-west-1:000000000000:archive/pulse-local-archive');
    expect(input.Destination).toEqual({
      Arn: 'arn:aws:events:eu-west-1:000000000000:event-bus/pulse-local',
      FilterArns: ['arn:aws:events:eu-west-1:000000000000:rule/pulse-local/persist-readings-enriched'],
    });
    expect(ruleArnOf('nightly', 'default', 'us-east-1')).toBe('arn:aws:events:us-east-1:000000000000:rule/nightly');
  });
});

describe('pulse replay', () => {
  let bus: BusServer | undefined;
  let deliveries: Delivery[];

  async function startBus(onReplay?: Replayer): Promise<BusServer> {
    deliveries = [];
    bus = await startBusServer({
      port: 0,
      log: () => undefined,
      services: DECLARED_SERVICES,
      dispatcher: { enqueue: async (batch) => void deliveries.push(...batch) },
      archive: {
        append: async () => undefined,
        read: async function* (from, to) {
          for (const event of ARCHIVED) if (Date.parse(event.time) >= from.getTime() && Date.parse(event.time) < to.getTime()) yield event;
        },
      },
      ...(onReplay ? { onReplay } : {}),
    });
    return bus;
  }

  afterEach(async () => {
    await bus?.close();
    bus = undefined;
  });

  it("re-delivers the window's events to the chosen rule only, with replay-name set, and reports COMPLETED", async () => {
    // Prepare
    const { endpoint } = await startBus();
    // Act
    const result = await runPulse(
      'replay', '--from', '2024-05-01T12:00:00Z', '--to', '2024-05-01T13:00:00Z',
      '--rule', 'persist-readings-enriched', '--name', 'fix-persist', '--endpoint', endpoint,
    );
    // Assess
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^replay fix-persist: COMPLETED$/m);
    expect(result.stdout).toContain('rules   persist-readings-enriched');
    expect(deliveries.map((d) => [d.ruleName, d.event.id, d.event['replay-name']])).toEqual([['persist-readings-enriched', 'in-1', 'fix-persist']]);
  });

  it('without --rule, replays to every rule the events match', async () => {
    const { endpoint } = await startBus();
    const result = await runPulse('replay', '--from', '2024-05-01T12:00:00Z', '--to', '2024-05-01T13:00:00Z', '--endpoint', endpoint);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^replay pulse-cli-\d+: COMPLETED$/m);
    expect(deliveries.map((d) => `${d.ruleName}:${d.event.id}`).sort()).toEqual(
      ['alert-readings-enriched:in-1', 'persist-readings-enriched:in-1', 'transform-readings-received:in-2'].sort(),
    );
  });

  it('reports a FAILED replay with its reason and exits 1', async () => {
    const { endpoint } = await startBus(async () => {
      throw new Error('archive segment 3 is corrupt');
    });
    const result = await runPulse('replay', '--from', '2024-05-01T12:00:00Z', '--to', '2024-05-01T13:00:00Z', '--name', 'bad', '--endpoint', endpoint);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^replay bad: FAILED$/m);
    expect(result.stdout).toContain('reason  archive segment 3 is corrupt');
  });

  it("passes on the bus's error for an unknown rule, by its AWS name", async () => {
    const { endpoint } = await startBus();
    const result = await runPulse('replay', '--from', '2024-05-01T12:00:00Z', '--to', '2024-05-01T13:00:00Z', '--rule', 'nope', '--endpoint', endpoint);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pulse replay: ResourceNotFoundException: Rule arn:aws:events:us-east-1:000000000000:rule\/pulse-local\/nope does not exist/);
    expect(deliveries).toEqual([]);
  });

  it('rejects a window that is not ISO-8601 or runs backwards, with exit 2 and no call', async () => {
    const notIso = await runPulse('replay', '--from', '1/5/2024', '--to', '2024-05-01T13:00:00Z', '--endpoint', 'http://127.0.0.1:1');
    const backwards = await runPulse('replay', '--from', '2024-05-01T13:00:00Z', '--to', '2024-05-01T12:00:00Z', '--endpoint', 'http://127.0.0.1:1');
    expect(notIso.code).toBe(2);
    expect(notIso.stderr).toMatch(/--from must be an ISO-8601 time .* got '1\/5\/2024'/);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--to .* must be after --from/);
  });

  it('requires --from and --to', async () => {
    const result = await runPulse('replay', '--to', '2024-05-01T13:00:00Z');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/required option '--from <iso>' not specified/);
  });
});
