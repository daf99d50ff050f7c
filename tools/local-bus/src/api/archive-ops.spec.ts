import {
  CreateArchiveCommand,
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  ListArchivesCommand,
  ListEventBusesCommand,
  ListReplaysCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  StartReplayCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import type { ReplayRequest } from './replay-request';
import { startTestBus, type TestBus } from './__fixtures__/test-bus';

const BUS = 'pulse-local';
const BUS_ARN = 'arn:aws:events:us-east-1:000000000000:event-bus/pulse-local';
const ARCHIVE_ARN = 'arn:aws:events:us-east-1:000000000000:archive/pulse-local-archive';

let bus: TestBus;
let client: EventBridgeClient;
afterEach(async () => {
  await bus?.close();
});

async function publish(time: Date, source = 'pulse.ingest') {
  return client.send(new PutEventsCommand({ Entries: [{ Source: source, DetailType: 'X', Detail: '{}', EventBusName: BUS, Time: time }] }));
}

async function addRule(name: string, queue: string) {
  await client.send(new PutRuleCommand({ Name: name, EventBusName: BUS, EventPattern: '{"source":["pulse.ingest"]}' }));
  await client.send(new PutTargetsCommand({ Rule: name, EventBusName: BUS, Targets: [{ Id: 'q', Arn: `arn:aws:sqs:us-east-1:000000000000:${queue}` }] }));
}

/** StartReplay answers before the replay runs; poll its state as a client would. */
async function replayState(name: string) {
  for (let i = 0; i < 100; i += 1) {
    const replay = await client.send(new DescribeReplayCommand({ ReplayName: name }));
    if (replay.State === 'COMPLETED' || replay.State === 'FAILED') return replay;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`replay ${name} did not finish`);
}

describe('event buses', () => {
  beforeEach(async () => {
    bus = await startTestBus({ busName: BUS });
    client = bus.client();
  });

  test('the configured bus and default exist', async () => {
    // Act
    const listed = await client.send(new ListEventBusesCommand({}));
    const described = await client.send(new DescribeEventBusCommand({ Name: BUS }));

    // Assess
    expect(listed.EventBuses?.map((b) => b.Name)).toEqual([BUS, 'default']);
    expect(described).toMatchObject({ Name: BUS, Arn: BUS_ARN });
    await expect(client.send(new DescribeEventBusCommand({ Name: 'other' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('archives', () => {
  beforeEach(async () => {
    bus = await startTestBus({ busName: BUS });
    client = bus.client();
  });

  test('the bus has an archive of every event, counting what was accepted', async () => {
    // Act
    await publish(new Date());
    await publish(new Date(), 'pulse.alert');
    const described = await client.send(new DescribeArchiveCommand({ ArchiveName: 'pulse-local-archive' }));

    // Assess
    expect(described).toMatchObject({ ArchiveArn: ARCHIVE_ARN, EventSourceArn: BUS_ARN, State: 'ENABLED', EventCount: 2 });
    expect(described.SizeBytes).toBeGreaterThan(0);
    expect(described.CreationTime).toBeInstanceOf(Date);
  });

  test('CreateArchive with a pattern counts only matching events; names are unique', async () => {
    // Prepare
    await client.send(
      new CreateArchiveCommand({ ArchiveName: 'alerts', EventSourceArn: BUS_ARN, EventPattern: '{"source":["pulse.alert"]}', RetentionDays: 7 }),
    );

    // Act
    await publish(new Date());
    await publish(new Date(), 'pulse.alert');
    const listed = await client.send(new ListArchivesCommand({ NamePrefix: 'alerts' }));
    const again = client.send(new CreateArchiveCommand({ ArchiveName: 'alerts', EventSourceArn: BUS_ARN }));

    // Assess
    expect(listed.Archives).toEqual([expect.objectContaining({ ArchiveName: 'alerts', EventCount: 1, RetentionDays: 7 })]);
    await expect(again).rejects.toBeInstanceOf(ResourceAlreadyExistsException);
  });

  test('DescribeArchive of an unknown archive is a ResourceNotFoundException', async () => {
    // Act
    const act = client.send(new DescribeArchiveCommand({ ArchiveName: 'nope' }));

    // Assess
    await expect(act).rejects.toThrow('Archive nope does not exist.');
  });
});

describe('replays', () => {
  beforeEach(async () => {
    bus = await startTestBus({ busName: BUS });
    client = bus.client();
  });

  test('StartReplay re-delivers the window to the chosen rules with replay-name set', async () => {
    // Prepare
    await addRule('chosen', 'q1');
    await addRule('other', 'q2');
    const inside = await publish(new Date('2026-01-01T10:00:00Z'));
    await publish(new Date('2026-01-01T12:00:00Z'));
    const liveDeliveries = bus.dispatcher.deliveries.length;

    // Act
    const started = await client.send(
      new StartReplayCommand({
        ReplayName: 'r1',
        EventSourceArn: ARCHIVE_ARN,
        EventStartTime: new Date('2026-01-01T09:00:00Z'),
        EventEndTime: new Date('2026-01-01T11:00:00Z'),
        Destination: { Arn: BUS_ARN, FilterArns: ['arn:aws:events:us-east-1:000000000000:rule/pulse-local/chosen'] },
      }),
    );
    const finished = await replayState('r1');

    // Assess
    expect(started.State).toBe('STARTING');
    expect(finished).toMatchObject({ State: 'COMPLETED', EventLastReplayedTime: new Date('2026-01-01T10:00:00Z') });
    const replayed = bus.dispatcher.deliveries.slice(liveDeliveries);
    expect(replayed.map((d) => [d.ruleName, d.event.id, d.event['replay-name']])).toEqual([['chosen', inside.Entries![0]!.EventId, 'r1']]);
    const listed = await client.send(new ListReplaysCommand({ State: 'COMPLETED' }));
    expect(listed.Replays?.map((r) => r.ReplayName)).toEqual(['r1']);
  });

  test('a replay from an archive with a pattern re-delivers only events that archive kept', async () => {
    // Prepare
    await client.send(new CreateArchiveCommand({ ArchiveName: 'alerts', EventSourceArn: BUS_ARN, EventPattern: '{"source":["pulse.alert"]}' }));
    await client.send(new PutRuleCommand({ Name: 'all', EventBusName: BUS, EventPattern: '{"detail-type":["X"]}' }));
    await client.send(new PutTargetsCommand({ Rule: 'all', EventBusName: BUS, Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' }] }));
    await publish(new Date('2026-01-01T10:00:00Z'), 'pulse.ingest');
    await publish(new Date('2026-01-01T10:00:01Z'), 'pulse.alert');
    const liveDeliveries = bus.dispatcher.deliveries.length;

    // Act
    await client.send(
      new StartReplayCommand({
        ReplayName: 'alerts-only',
        EventSourceArn: 'arn:aws:events:us-east-1:000000000000:archive/alerts',
        EventStartTime: new Date('2026-01-01T09:00:00Z'),
        EventEndTime: new Date('2026-01-01T11:00:00Z'),
        Destination: { Arn: BUS_ARN },
      }),
    );
    await replayState('alerts-only');

    // Assess
    expect(liveDeliveries).toBe(2);
    expect(bus.dispatcher.deliveries.slice(liveDeliveries).map((d) => d.event.source)).toEqual(['pulse.alert']);
  });

  test('an onReplay option performs the replay instead, and its failure is the replay state', async () => {
    // Prepare
    await bus.close();
    const requests: ReplayRequest[] = [];
    bus = await startTestBus({
      busName: BUS,
      onReplay: async (request) => {
        requests.push(request);
        throw new Error('journal unavailable');
      },
    });
    client = bus.client();

    // Act
    await client.send(
      new StartReplayCommand({
        ReplayName: 'r2',
        EventSourceArn: ARCHIVE_ARN,
        EventStartTime: new Date('2026-01-01T09:00:00Z'),
        EventEndTime: new Date('2026-01-01T11:00:00Z'),
        Destination: { Arn: BUS_ARN },
      }),
    );
    const finished = await replayState('r2');

    // Assess
    expect(requests).toEqual([
      expect.objectContaining({ name: 'r2', busName: BUS, archiveName: 'pulse-local-archive', from: new Date('2026-01-01T09:00:00Z') }),
    ]);
    expect(finished).toMatchObject({ State: 'FAILED', StateReason: 'journal unavailable' });
  });

  test('StartReplay refuses an empty window and an unknown archive', async () => {
    // Prepare
    const request = {
      ReplayName: 'r3',
      EventSourceArn: ARCHIVE_ARN,
      EventStartTime: new Date('2026-01-01T11:00:00Z'),
      EventEndTime: new Date('2026-01-01T09:00:00Z'),
      Destination: { Arn: BUS_ARN },
    };

    // Act
    const backwards = client.send(new StartReplayCommand(request));
    const unknown = client.send(new StartReplayCommand({ ...request, EventSourceArn: 'arn:aws:events:us-east-1:000000000000:archive/none' }));

    // Assess
    await expect(backwards).rejects.toThrow('Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.');
    await expect(unknown).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
