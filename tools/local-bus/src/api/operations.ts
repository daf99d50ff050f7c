import { createArchive, describeArchive, listArchives } from './archive-ops';
import type { Operation } from './bus-context';
import { describeEventBus, listEventBuses } from './bus-ops';
import { putEvents } from './put-events';
import { describeReplay, listReplays, startReplay } from './replay-ops';
import { deleteRule, describeRule, disableRule, enableRule, listRules, putRule } from './rule-ops';
import { listTargetsByRule, putTargets, removeTargets } from './target-ops';
import { testPattern } from './test-event-pattern';

/** Every supported `X-Amz-Target: AWSEvents.<Op>`. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  PutEvents: putEvents,
  TestEventPattern: testPattern,
  PutRule: putRule,
  DescribeRule: describeRule,
  ListRules: listRules,
  DeleteRule: deleteRule,
  EnableRule: enableRule,
  DisableRule: disableRule,
  PutTargets: putTargets,
  RemoveTargets: removeTargets,
  ListTargetsByRule: listTargetsByRule,
  ListEventBuses: listEventBuses,
  DescribeEventBus: describeEventBus,
  CreateArchive: createArchive,
  DescribeArchive: describeArchive,
  ListArchives: listArchives,
  StartReplay: startReplay,
  DescribeReplay: describeReplay,
  ListReplays: listReplays,
};

export const TARGET_PREFIX = 'AWSEvents.';
