import { replayArn } from '../rules/arns';
import { existingArchive } from './archive-ops';
import type { ArchiveMeta, ReplayMeta } from './archive-registry';
import { AwsError, notFound, validationError } from './aws-error';
import { existingBus, type BusContext } from './bus-context';
import { asInput, epochSeconds, optionalString, optionalTimestamp, requiredString, type Input } from './input';
import { page } from './pagination';

export function startReplay(input: Input, ctx: BusContext) {
  const name = requiredString(input, 'ReplayName');
  if (ctx.archives.replays.has(name)) throw new AwsError('ResourceAlreadyExistsException', `Replay ${name} already exists.`);
  const archive = existingArchive(ctx, requiredString(input, 'EventSourceArn'));
  const from = optionalTimestamp(input, 'EventStartTime');
  const to = optionalTimestamp(input, 'EventEndTime');
  if (from === undefined || to === undefined) throw validationError('Parameters EventStartTime and EventEndTime are required.');
  if (to <= from) throw validationError('Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.');
  const destination = asInput(input['Destination'], 'Destination');
  const destinationArn = requiredString(destination, 'Arn');
  const bus = existingBus(ctx, destinationArn);
  if (bus !== archive.busName) throw validationError('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
  const filterArns = filterArnsOf(destination, ctx, bus);
  const description = optionalString(input, 'Description');
  const replay: ReplayMeta = {
    name,
    arn: replayArn(ctx.scope, name),
    ...(description === undefined ? {} : { description }),
    eventSourceArn: archive.arn,
    destination: { Arn: destinationArn, ...(filterArns ? { FilterArns: filterArns } : {}) },
    from,
    to,
    startedAt: ctx.now(),
    state: 'STARTING',
  };
  ctx.archives.replays.set(name, replay);
  // Answer STARTING first, as AWS does; the replay runs on the next turn of the event loop.
  const started = new Promise<void>((resolve) => setImmediate(resolve));
  track(ctx, started.then(() => run(replay, ctx, archive, bus, filterArns)));
  return { ReplayArn: replay.arn, State: replay.state, ReplayStartTime: epochSeconds(replay.startedAt) };
}

export function describeReplay(input: Input, ctx: BusContext) {
  const name = requiredString(input, 'ReplayName');
  const replay = ctx.archives.replays.get(name);
  if (replay === undefined) throw notFound(`Replay ${name} does not exist.`);
  return {
    ...summary(replay),
    ReplayArn: replay.arn,
    ...(replay.description === undefined ? {} : { Description: replay.description }),
    Destination: replay.destination,
  };
}

export function listReplays(input: Input, ctx: BusContext) {
  const prefix = optionalString(input, 'NamePrefix') ?? '';
  const state = optionalString(input, 'State');
  const replays = [...ctx.archives.replays.values()].filter((r) => r.name.startsWith(prefix) && (state === undefined || r.state === state));
  const { items, nextToken } = page(replays, input);
  return { Replays: items.map(summary), ...(nextToken ? { NextToken: nextToken } : {}) };
}

async function run(replay: ReplayMeta, ctx: BusContext, archive: ArchiveMeta, bus: string, ruleArns?: readonly string[]) {
  replay.state = 'RUNNING';
  const chosen = new Set(ruleArns ?? []);
  const rules = ctx.rules.list(bus).filter((rule) => ruleArns === undefined || chosen.has(rule.arn));
  try {
    const outcome = await ctx.replay({
      name: replay.name,
      archiveName: archive.name,
      from: replay.from,
      to: replay.to,
      busName: bus,
      rules,
      // An archive with a pattern only ever held matching events, so replay only those.
      match: (rule, event) => (archive.pattern?.matches(event) ?? true) && ctx.rules.matches(rule, event),
    });
    if (outcome?.lastReplayedEventTime) replay.lastReplayed = outcome.lastReplayedEventTime;
    replay.state = 'COMPLETED';
  } catch (error) {
    replay.state = 'FAILED';
    replay.stateReason = (error as Error).message;
  }
  replay.endedAt = ctx.now();
}

/** Replays run after StartReplay answers; the server waits for them before it closes. */
function track(ctx: BusContext, promise: Promise<void>): void {
  ctx.archives.running.add(promise);
  void promise.finally(() => ctx.archives.running.delete(promise));
}

/** FilterArns must name rules on the destination bus. */
function filterArnsOf(destination: Input, ctx: BusContext, bus: string): string[] | undefined {
  const value = destination['FilterArns'];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((arn): arn is string => typeof arn === 'string')) {
    throw validationError('Parameter Destination.FilterArns is not valid. Reason: FilterArns must be a list of rule ARNs.');
  }
  const known = new Set(ctx.rules.list(bus).map((r) => r.arn));
  const unknown = value.find((arn) => !known.has(arn));
  if (unknown !== undefined) throw notFound(`Rule ${unknown} does not exist on EventBus ${bus}.`);
  return value;
}

function summary(replay: ReplayMeta) {
  return {
    ReplayName: replay.name,
    EventSourceArn: replay.eventSourceArn,
    State: replay.state,
    ...(replay.stateReason === undefined ? {} : { StateReason: replay.stateReason }),
    EventStartTime: epochSeconds(replay.from),
    EventEndTime: epochSeconds(replay.to),
    ...(replay.lastReplayed === undefined ? {} : { EventLastReplayedTime: epochSeconds(replay.lastReplayed) }),
    ReplayStartTime: epochSeconds(replay.startedAt),
    ...(replay.endedAt === undefined ? {} : { ReplayEndTime: epochSeconds(replay.endedAt) }),
  };
}
