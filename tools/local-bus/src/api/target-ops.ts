import { EVENTBRIDGE_DEFAULT_RETRY_POLICY } from '@pulse/service-kit';
import type { RetryPolicy, TargetSpec } from '../model';
import { queueNameFromArn, targetFromArn } from '../rules/target-from-arn';
import { AwsError, validationError } from './aws-error';
import type { BusContext } from './bus-context';
import { asInput, optionalArray, optionalBoolean, type Input } from './input';
import { existingRule, refuseManaged } from './rule-ops';

const MAX_TARGETS_PER_CALL = 10;
const MAX_TARGETS_PER_RULE = 5;
const TARGET_ID = /^[.\-_A-Za-z0-9]{1,64}$/;
/** Parameters delivery cannot honour; refused per target rather than silently ignored. */
const UNSUPPORTED = ['Input', 'InputPath', 'InputTransformer', 'RoleArn', 'KinesisParameters', 'EcsParameters', 'SqsParameters'];

interface FailedEntry {
  readonly TargetId: string;
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

export function putTargets(input: Input, ctx: BusContext) {
  const rule = existingRule(input, ctx, 'Rule');
  refuseManaged(rule);
  const raw = (optionalArray(input, 'Targets') ?? []).map((t, i) => asInput(t, `Targets[${i}]`));
  if (raw.length < 1 || raw.length > MAX_TARGETS_PER_CALL) {
    throw validationError(`1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length between 1 and ${MAX_TARGETS_PER_CALL}`);
  }
  const failed: FailedEntry[] = [];
  const byId = new Map(rule.targets.map((t) => [t.id, t]));
  raw.forEach((target, index) => {
    const parsed = parseTarget(target, index);
    if ('ErrorCode' in parsed) failed.push(parsed);
    else byId.set(parsed.id, parsed);
  });
  if (byId.size > MAX_TARGETS_PER_RULE) {
    throw new AwsError('LimitExceededException', `The requested resource exceeds the maximum number allowed (${MAX_TARGETS_PER_RULE} targets per rule).`);
  }
  ctx.rules.setTargets(rule.busName, rule.name, [...byId.values()]);
  return { FailedEntryCount: failed.length, FailedEntries: failed };
}

export function removeTargets(input: Input, ctx: BusContext) {
  const rule = existingRule(input, ctx, 'Rule');
  if (!optionalBoolean(input, 'Force')) refuseManaged(rule);
  const ids = new Set((optionalArray(input, 'Ids') ?? []).filter((id): id is string => typeof id === 'string'));
  if (ids.size === 0) throw validationError("1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length greater than or equal to 1");
  ctx.rules.setTargets(rule.busName, rule.name, rule.targets.filter((t) => !ids.has(t.id)));
  return { FailedEntryCount: 0, FailedEntries: [] };
}

export function listTargetsByRule(input: Input, ctx: BusContext) {
  const rule = existingRule(input, ctx, 'Rule');
  return {
    Targets: rule.targets.map((t) => ({
      Id: t.id,
      Arn: t.arn,
      RetryPolicy: { MaximumRetryAttempts: t.retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: t.retryPolicy.maximumEventAgeSeconds },
      ...(t.deadLetterQueue === undefined ? {} : { DeadLetterConfig: { Arn: dlqArn(t, ctx) } }),
    })),
  };
}

function parseTarget(target: Input, index: number): TargetSpec | FailedEntry {
  const id = target['Id'];
  const arn = target['Arn'];
  if (typeof id !== 'string' || !TARGET_ID.test(id)) {
    throw validationError(`1 validation error detected: Value at 'targets.${index + 1}.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
  }
  if (typeof arn !== 'string' || arn === '') {
    throw validationError(`1 validation error detected: Value null at 'targets.${index + 1}.member.arn' failed to satisfy constraint: Member must not be null`);
  }
  const fail = (message: string): FailedEntry => ({ TargetId: id, ErrorCode: 'ValidationException', ErrorMessage: message });
  const unsupported = UNSUPPORTED.filter((p) => target[p] !== undefined);
  if (unsupported.length > 0) return fail(`The Pulse local bus does not support ${unsupported.join(', ')} on targets.`);
  const resolved = targetFromArn(arn);
  if (resolved === undefined) return fail(`Target ${arn} is not a kind the Pulse local bus delivers to (Lambda function, SQS queue, SNS topic, API destination).`);
  const deadLetterArn = target['DeadLetterConfig'] === undefined ? undefined : asInput(target['DeadLetterConfig'], 'DeadLetterConfig')['Arn'];
  const deadLetterQueue = typeof deadLetterArn === 'string' ? queueNameFromArn(deadLetterArn) : undefined;
  if (deadLetterArn !== undefined && deadLetterQueue === undefined) {
    throw validationError(`Parameter DeadLetterConfig.Arn is not valid. Reason: ${String(deadLetterArn)} is not an SQS queue ARN.`);
  }
  return {
    id,
    arn,
    kind: resolved.kind,
    name: resolved.name,
    retryPolicy: retryPolicyOf(target['RetryPolicy'], index),
    ...(deadLetterQueue === undefined ? {} : { deadLetterQueue }),
  };
}

/** AWS's ranges: MaximumRetryAttempts 0–185, MaximumEventAgeInSeconds 60–86 400; defaults are the maxima. */
function retryPolicyOf(value: unknown, index: number): RetryPolicy {
  if (value === undefined) return EVENTBRIDGE_DEFAULT_RETRY_POLICY;
  const policy = asInput(value, 'RetryPolicy');
  const attempts = bounded(policy['MaximumRetryAttempts'], 0, 185, `targets.${index + 1}.member.retryPolicy.maximumRetryAttempts`);
  const age = bounded(policy['MaximumEventAgeInSeconds'], 60, 86_400, `targets.${index + 1}.member.retryPolicy.maximumEventAgeInSeconds`);
  return {
    maximumRetryAttempts: attempts ?? EVENTBRIDGE_DEFAULT_RETRY_POLICY.maximumRetryAttempts,
    maximumEventAgeSeconds: age ?? EVENTBRIDGE_DEFAULT_RETRY_POLICY.maximumEventAgeSeconds,
  };
}

function bounded(value: unknown, min: number, max: number, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const bound = typeof value === 'number' && value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
    throw validationError(`1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: Member must have value ${bound}`);
  }
  return value;
}

function dlqArn(target: TargetSpec, ctx: BusContext): string {
  return `arn:aws:sqs:${ctx.scope.region}:${ctx.scope.accountId}:${target.deadLetterQueue}`;
}
