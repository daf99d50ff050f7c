import type { Command } from 'commander';
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { compilePattern, type MatchReason } from '@pulse/event-patterns';
import type { ServiceDeclaration, SubscriptionTarget } from '@pulse/service-kit';
import { service as ingest } from '@pulse/ingest';
import { service as transform } from '@pulse/transform';
import { service as enrich } from '@pulse/enrich';
import { service as persist } from '@pulse/persist';
import { service as alert } from '@pulse/alert';
import { readJsonArgument } from '../arguments';
import { describeSdkError, withClient } from '../eventbridge-client';
import { reportEndpoint, resolveEndpoint } from '../local-endpoints';

/** Exit codes, as `pattern test` and grep use them: 0 some rule matched, 1 none did, 2 the input is at fault. */
export const EXPLAIN_EXIT = { matched: 0, notMatched: 1, invalid: 2 } as const;

export const DECLARED_SERVICES: readonly ServiceDeclaration[] = [ingest, transform, enrich, persist, alert];

/** A rule to explain an event against, from a declaration or from the live bus. */
export interface ExplainedRule {
  readonly name: string;
  /** The declaring service, or 'live' for a rule only the running bus has. */
  readonly owner: string;
  /** The pattern as text or value (the engine reads both). */
  readonly pattern: unknown;
  /** Human-readable targets, e.g. "function store-readings". */
  readonly targets: readonly string[];
  readonly state: 'ENABLED' | 'DISABLED';
}

export interface RuleVerdict {
  readonly rule: string;
  readonly owner: string;
  readonly targets: readonly string[];
  readonly state: 'ENABLED' | 'DISABLED';
  /** Whether the pattern matches; a DISABLED rule still reports its pattern's verdict but delivers nothing. */
  readonly matched: boolean;
  readonly reasons: readonly MatchReason[];
  /** Set when the rule's pattern itself is invalid (only possible for live rules). */
  readonly error?: string;
}

/** Every subscription of the given services as a rule, with its target. */
export function declaredRules(services: readonly ServiceDeclaration[] = DECLARED_SERVICES): ExplainedRule[] {
  return services.flatMap((service) =>
    (service.subscriptions ?? []).map((subscription) => ({
      name: subscription.rule,
      owner: service.name,
      pattern: subscription.pattern,
      targets: [describeTarget(subscription.target)],
      state: 'ENABLED' as const,
    })),
  );
}

function describeTarget(target: SubscriptionTarget): string {
  switch (target.kind) {
    case 'function':
      return `function ${target.function}`;
    case 'sqs':
      return `queue ${target.queue}`;
    case 'sns':
      return `topic ${target.topic}`;
    case 'apiDestination':
      return `api-destination ${target.destination}`;
  }
}

/** The event's verdict for every rule, in the rules' order. */
export function explainEvent(event: unknown, rules: readonly ExplainedRule[]): RuleVerdict[] {
  return rules.map((rule) => {
    const common = { rule: rule.name, owner: rule.owner, targets: rule.targets, state: rule.state };
    try {
      const explanation = compilePattern(rule.pattern).explain(event);
      return { ...common, matched: explanation.matched, reasons: explanation.reasons };
    } catch (error) {
      return { ...common, matched: false, reasons: [], error: (error as Error).message };
    }
  });
}

/** Every rule on `busName` of the running bus, with its targets' ARNs. */
export async function liveRules(client: EventBridgeClient, busName: string): Promise<ExplainedRule[]> {
  const rules: ExplainedRule[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListRulesCommand({ EventBusName: busName, NextToken: nextToken }));
    for (const rule of page.Rules ?? []) {
      if (!rule.Name || !rule.EventPattern) continue; // scheduled rules have no pattern to explain
      const targets = await client.send(new ListTargetsByRuleCommand({ Rule: rule.Name, EventBusName: busName }));
      rules.push({
        name: rule.Name,
        owner: 'live',
        pattern: rule.EventPattern,
        targets: (targets.Targets ?? []).map((target) => `${target.Id ?? '?'} ${target.Arn ?? ''}`.trim()),
        state: rule.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return rules;
}

/** Declared rules, with the live bus's version of a rule (its real pattern, state and targets) where it has one. */
export function mergeRules(declared: readonly ExplainedRule[], live: readonly ExplainedRule[]): ExplainedRule[] {
  const liveByName = new Map(live.map((rule) => [rule.name, rule]));
  const merged = declared.map((rule) => {
    const onBus = liveByName.get(rule.name);
    return onBus ? { ...onBus, owner: `${rule.owner}, live` } : { ...rule, owner: `${rule.owner}, not on the bus` };
  });
  const declaredNames = new Set(declared.map((rule) => rule.name));
  return [...merged, ...live.filter((rule) => !declaredNames.has(rule.name))];
}

export function formatVerdicts(verdicts: readonly RuleVerdict[]): string {
  const lines = verdicts.flatMap((verdict) => {
    const mark = verdict.error ? '!' : verdict.matched ? '✓' : '✗';
    const state = verdict.state === 'DISABLED' ? ' (DISABLED: delivers nothing)' : '';
    const head = `${mark} ${verdict.rule} [${verdict.owner}] → ${verdict.targets.join(', ') || 'no targets'}${state}`;
    const why = verdict.error
      ? [`    invalid pattern: ${verdict.error}`]
      : verdict.reasons.map((reason) => `    ${reason.matched ? '✓' : '✗'} ${reason.message}${reason.alternative ? ` [${reason.alternative}]` : ''}`);
    return [head, ...why];
  });
  const delivered = verdicts.filter((verdict) => verdict.matched && verdict.state === 'ENABLED').length;
  return `${[...lines, `${delivered} of ${verdicts.length} rules would deliver this event`].join('\n')}\n`;
}

interface ExplainOptions {
  json?: boolean;
  live?: boolean;
  bus: string;
  endpoint?: string;
  verbose?: boolean;
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description("Which rules would deliver this event, and why (or why not): every service's declared rules, and the live bus's with --live")
    .argument('<event>', 'the event: a file path, @file, inline JSON, or - for stdin')
    .option('--json', 'print the verdicts as JSON')
    .option('--live', "also read the running bus's rules (ListRules, ListTargetsByRule)")
    .option('--bus <name>', 'the bus whose rules --live reads', 'pulse-local')
    .option('--endpoint <url>', 'EventBridge endpoint for --live (default: AWS_ENDPOINT_URL_EVENTBRIDGE, .local/endpoints.json, http://127.0.0.1:4010)')
    .option('--verbose', 'say on stderr which endpoint is used')
    .action(async (eventArg: string, options: ExplainOptions) => {
      process.exitCode = await explain(eventArg, options);
    });
}

async function explain(eventArg: string, options: ExplainOptions): Promise<number> {
  let event: unknown;
  try {
    event = JSON.parse(readJsonArgument(eventArg));
  } catch (error) {
    process.stderr.write(`pulse explain: cannot read the event '${eventArg}': ${(error as Error).message}\n`);
    return EXPLAIN_EXIT.invalid;
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    process.stderr.write(`pulse explain: the event must be a JSON object (an EventBridge event), got ${JSON.stringify(event)}\n`);
    return EXPLAIN_EXIT.invalid;
  }
  let rules = declaredRules();
  if (options.live) {
    const endpoint = resolveEndpoint('eventbridge', options.endpoint);
    reportEndpoint('eventbridge', endpoint, options.verbose);
    try {
      rules = mergeRules(rules, await withClient(endpoint, (client) => liveRules(client, options.bus)));
    } catch (error) {
      process.stderr.write(`pulse explain --live: ${describeSdkError(endpoint, error)}\n`);
      return 1;
    }
  }
  const verdicts = explainEvent(event, rules);
  process.stdout.write(options.json ? `${JSON.stringify(verdicts, null, 2)}\n` : formatVerdicts(verdicts));
  return verdicts.some((verdict) => verdict.matched) ? EXPLAIN_EXIT.matched : EXPLAIN_EXIT.notMatched;
}
