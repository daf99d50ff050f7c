import { compilePattern } from '@pulse/event-patterns';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Delivery, RuleSpec, TargetSpec } from '../model';
import { busEvent } from '../delivery/__fixtures__/deliveries';
import { createFileArchive, type FileArchive } from './file-archive';
import { replay } from './replay';

const target = (name: string): TargetSpec => ({
  id: name,
  arn: `arn:aws:lambda:eu-west-1:000000000000:function:${name}`,
  kind: 'function',
  name,
  retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 },
});

const rule = (name: string, pattern: object, targets: TargetSpec[]): RuleSpec => ({
  name,
  busName: 'pulse-local',
  arn: `arn:aws:events:eu-west-1:000000000000:rule/pulse-local/${name}`,
  eventPattern: JSON.stringify(pattern),
  state: 'ENABLED',
  targets,
  managedBy: 'declaration',
});

/** A dispatcher that only records what it is given. */
function recordingDispatcher() {
  const enqueued: Delivery[] = [];
  return { enqueued, dispatcher: { enqueue: async (d: readonly Delivery[]) => void enqueued.push(...d) } };
}

const match = (r: RuleSpec, event: object) => compilePattern(r.eventPattern).matches(event as Record<string, unknown>);

describe('replay', () => {
  let directory: string;
  let archive: FileArchive;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-replay-'));
    archive = createFileArchive({ directory });
    await archive.append([
      busEvent('before', new Date('2026-11-22T07:59:59Z')),
      busEvent('in-1', new Date('2026-11-22T08:00:00Z')),
      { ...busEvent('in-other', new Date('2026-11-22T08:10:00Z')), source: 'pulse.enrich' },
      busEvent('in-2', new Date('2026-11-22T08:20:00Z')),
      busEvent('after', new Date('2026-11-22T09:00:00Z')),
    ]);
  });
  afterEach(async () => {
    await archive.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('re-enqueues the window to the chosen rules only, with replay-name set', async () => {
    // Prepare: two rules match pulse.ingest events, only one is chosen
    const chosen = rule('transform-readings-received', { source: ['pulse.ingest'] }, [target('normalize'), target('audit')]);
    const notChosen = rule('other-consumer', { source: ['pulse.ingest'] }, [target('other')]);
    const { enqueued, dispatcher } = recordingDispatcher();
    const consulted = new Set<string>();

    // Act
    const result = await replay({
      archive,
      from: new Date('2026-11-22T08:00:00Z'),
      to: new Date('2026-11-22T09:00:00Z'),
      rules: [chosen],
      replayName: 'morning-replay',
      dispatcher,
      match: (r, e) => {
        consulted.add(r.name);
        return match(r, e);
      },
    });

    // Assess
    expect(enqueued.map((d) => [d.event.id, d.ruleName, d.target.name, d.event['replay-name']])).toEqual([
      ['in-1', 'transform-readings-received', 'normalize', 'morning-replay'],
      ['in-1', 'transform-readings-received', 'audit', 'morning-replay'],
      ['in-2', 'transform-readings-received', 'normalize', 'morning-replay'],
      ['in-2', 'transform-readings-received', 'audit', 'morning-replay'],
    ]);
    expect(result).toEqual({
      eventsRead: 3,
      eventsReplayed: 2,
      deliveriesEnqueued: 4,
      lastReplayedEventTime: new Date('2026-11-22T08:20:00Z'),
      cancelled: false,
    });
    expect([...consulted]).toEqual(['transform-readings-received']);
    expect(enqueued.some((d) => d.ruleName === notChosen.name)).toBe(false);
  });

  it('lets a rule exclude replays with "replay-name": [{ "exists": false }], as in AWS', async () => {
    // Prepare
    const liveOnly = rule('live-only', { source: ['pulse.ingest'], 'replay-name': [{ exists: false }] }, [target('live')]);
    const { enqueued, dispatcher } = recordingDispatcher();

    // Act
    const result = await replay({
      archive,
      from: new Date('2026-11-22T08:00:00Z'),
      to: new Date('2026-11-22T09:00:00Z'),
      rules: [liveOnly],
      replayName: 'r1',
      dispatcher,
      match,
    });

    // Assess
    expect(enqueued).toEqual([]);
    expect(result.eventsReplayed).toBe(0);
  });

  it('skips a chosen rule that is disabled', async () => {
    // Prepare
    const disabled: RuleSpec = { ...rule('paused', { source: ['pulse.ingest'] }, [target('t')]), state: 'DISABLED' };
    const { enqueued, dispatcher } = recordingDispatcher();

    // Act
    const result = await replay({
      archive,
      from: new Date('2026-11-22T08:00:00Z'),
      to: new Date('2026-11-22T09:00:00Z'),
      rules: [disabled],
      replayName: 'r3',
      dispatcher,
      match,
    });

    // Assess
    expect(enqueued).toEqual([]);
    expect(result).toMatchObject({ eventsRead: 3, eventsReplayed: 0 });
  });

  it('stops when cancelled', async () => {
    // Prepare
    const controller = new AbortController();
    controller.abort();
    const { enqueued, dispatcher } = recordingDispatcher();

    // Act
    const result = await replay({
      archive,
      from: new Date('2026-11-22T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
      rules: [rule('all', { source: [{ prefix: 'pulse.' }] }, [target('t')])],
      replayName: 'r2',
      dispatcher,
      match,
      signal: controller.signal,
    });

    // Assess
    expect(result).toMatchObject({ cancelled: true, eventsRead: 0 });
    expect(enqueued).toEqual([]);
  });
});
