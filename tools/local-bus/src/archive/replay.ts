import type { Archive, BusEvent, Delivery, Dispatcher, RuleSpec } from '../model';

export interface ReplayOptions {
  readonly archive: Archive;
  readonly from: Date;
  readonly to: Date;
  /** Only the rules the replay was started for. */
  readonly rules: readonly RuleSpec[];
  readonly replayName: string;
  readonly dispatcher: Dispatcher;
  /** The pattern engine, as the API side applies it. */
  readonly match: (rule: RuleSpec, event: BusEvent) => boolean;
  /** Stops the replay between events (CancelReplay). */
  readonly signal?: AbortSignal;
  /** Deliveries handed to the dispatcher per `enqueue`. */
  readonly batchSize?: number;
}

/** What DescribeReplay reports once the replay ends. */
export interface ReplayResult {
  readonly eventsRead: number;
  /** Events that matched at least one chosen rule. */
  readonly eventsReplayed: number;
  readonly deliveriesEnqueued: number;
  /** `time` of the last event replayed (EventLastReplayedTime). */
  readonly lastReplayedEventTime?: Date;
  readonly cancelled: boolean;
}

/**
 * Re-delivers archived events in [from, to) to the chosen rules' targets, each marked with
 * `replay-name` as AWS does. Matching sees the marked event, so a rule whose pattern says
 * `"replay-name": [{ "exists": false }]` skips replays, as it does in AWS.
 */
export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const rules = options.rules.filter((r) => r.state === 'ENABLED');
  const batchSize = options.batchSize ?? 100;
  let batch: Delivery[] = [];
  let eventsRead = 0;
  let eventsReplayed = 0;
  let deliveriesEnqueued = 0;
  let lastReplayedEventTime: Date | undefined;
  let cancelled = false;

  const flush = async () => {
    if (batch.length === 0) return;
    const deliveries = batch;
    batch = [];
    await options.dispatcher.enqueue(deliveries);
    deliveriesEnqueued += deliveries.length;
  };

  for await (const archived of options.archive.read(options.from, options.to)) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    eventsRead += 1;
    const event: BusEvent = { ...archived, 'replay-name': options.replayName };
    const matched = rules.filter((rule) => options.match(rule, event));
    if (matched.length === 0) continue;
    eventsReplayed += 1;
    lastReplayedEventTime = new Date(event.time);
    for (const rule of matched) {
      for (const target of rule.targets) batch.push({ event, ruleName: rule.name, ruleArn: rule.arn, target });
    }
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { eventsRead, eventsReplayed, deliveriesEnqueued, cancelled, ...(lastReplayedEventTime ? { lastReplayedEventTime } : {}) };
}
