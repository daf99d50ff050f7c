import type { RuleSpec } from '../model';
import { ruleArn } from '../rules/arns';
import { AwsError, notFound, validationError } from './aws-error';
import { existingBus, type BusContext } from './bus-context';
import { optionalBoolean, optionalString, requiredString, type Input } from './input';
import { page } from './pagination';
import { asAwsError } from './test-event-pattern';

const RULE_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;

/** The principal shown as ManagedBy for rules read from the services' declarations. */
export const DECLARATION_MANAGER = 'pulse.declarations';

export function putRule(input: Input, ctx: BusContext) {
  const name = requiredString(input, 'Name');
  if (!RULE_NAME.test(name)) {
    throw validationError(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
  }
  const busName = existingBus(ctx, optionalString(input, 'EventBusName'));
  if (optionalString(input, 'ScheduleExpression') !== undefined) {
    throw validationError('ScheduleExpression is not supported by the Pulse local bus.');
  }
  const eventPattern = optionalString(input, 'EventPattern');
  if (eventPattern === undefined) throw validationError('Parameter(s) EventPattern must be specified.');
  const state = ruleState(optionalString(input, 'State'));
  const description = optionalString(input, 'Description');
  const previous = ctx.rules.get(busName, name);
  refuseManaged(previous);
  const spec: RuleSpec = {
    name,
    busName,
    arn: ruleArn(ctx.scope, busName, name),
    eventPattern,
    state,
    ...(description === undefined ? {} : { description }),
    targets: previous?.targets ?? [],
    managedBy: 'api',
  };
  try {
    ctx.rules.put(spec);
  } catch (error) {
    throw asAwsError(error);
  }
  return { RuleArn: spec.arn };
}

export function describeRule(input: Input, ctx: BusContext) {
  return describe(existingRule(input, ctx, 'Name'), ctx);
}

export function listRules(input: Input, ctx: BusContext) {
  const busName = existingBus(ctx, optionalString(input, 'EventBusName'));
  const prefix = optionalString(input, 'NamePrefix') ?? '';
  const rules = ctx.rules.list(busName).filter((r) => r.name.startsWith(prefix));
  const { items, nextToken } = page(rules, input);
  return { Rules: items.map((r) => describe(r, ctx)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

export function deleteRule(input: Input, ctx: BusContext) {
  const busName = existingBus(ctx, optionalString(input, 'EventBusName'));
  const rule = ctx.rules.get(busName, requiredString(input, 'Name'));
  if (rule === undefined) return {}; // AWS deletes a missing rule without complaint.
  if (!optionalBoolean(input, 'Force')) refuseManaged(rule);
  if (rule.targets.length > 0) throw validationError("Rule can't be deleted since it has targets.");
  ctx.rules.delete(busName, rule.name);
  return {};
}

export const enableRule = (input: Input, ctx: BusContext) => setState(input, ctx, 'ENABLED');
export const disableRule = (input: Input, ctx: BusContext) => setState(input, ctx, 'DISABLED');

/** Declared rules may be switched off and on locally (that is how one silences a consumer). */
function setState(input: Input, ctx: BusContext, state: RuleSpec['state']) {
  const rule = existingRule(input, ctx, 'Name');
  ctx.rules.update(rule.busName, rule.name, (spec) => ({ ...spec, state }));
  return {};
}

/** A rule named by `param` (and EventBusName) that exists, else AWS's ResourceNotFoundException. */
export function existingRule(input: Input, ctx: BusContext, param: 'Name' | 'Rule'): RuleSpec {
  const busName = existingBus(ctx, optionalString(input, 'EventBusName'));
  const name = requiredString(input, param);
  const rule = ctx.rules.get(busName, name);
  if (rule === undefined) throw notFound(`Rule ${name} does not exist on EventBus ${busName}.`);
  return rule;
}

/** Declared rules change with the declarations (what deploys), not through the API. */
export function refuseManaged(rule: RuleSpec | undefined): void {
  if (rule?.managedBy !== 'declaration') return;
  throw new AwsError(
    'ManagedRuleException',
    `Rule ${rule.name} is managed by ${DECLARATION_MANAGER}: change the service's declaration instead (or use Force where AWS allows it).`,
  );
}

function ruleState(value: string | undefined): RuleSpec['state'] {
  if (value === undefined || value === 'ENABLED' || value === 'DISABLED') return value ?? 'ENABLED';
  throw validationError(`1 validation error detected: Value '${value}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]`);
}

function describe(rule: RuleSpec, ctx: BusContext) {
  return {
    Name: rule.name,
    Arn: rule.arn,
    EventPattern: rule.eventPattern,
    State: rule.state,
    ...(rule.description === undefined ? {} : { Description: rule.description }),
    EventBusName: rule.busName,
    CreatedBy: ctx.scope.accountId,
    ...(rule.managedBy === 'declaration' ? { ManagedBy: DECLARATION_MANAGER } : {}),
  };
}
