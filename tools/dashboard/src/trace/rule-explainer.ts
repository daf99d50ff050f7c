import { compilePattern, type CompiledPattern } from '@pulse/event-patterns';
import { DEFAULT_ACCOUNT_ID, DEFAULT_BUS_NAME, DEFAULT_REGION, declarationRules } from '@pulse/local-bus';
import type { ServiceDeclaration, SubscriptionTarget } from '@pulse/service-kit';
import type { RuleVerdict } from '../shared/messages';

export type RuleExplainer = (event: unknown) => RuleVerdict[];

interface CompiledRule {
  readonly name: string;
  readonly service: string;
  readonly target: string;
  readonly pattern: CompiledPattern;
}

/**
 * Runs an event through every declared rule, exactly as the local bus holds them
 * (`declarationRules`), with the pattern engine's explanation of each verdict.
 */
export function createRuleExplainer(services: readonly ServiceDeclaration[], region = DEFAULT_REGION): RuleExplainer {
  const declared = new Map(services.flatMap((s) => (s.subscriptions ?? []).map((sub) => [sub.rule, { service: s.name, target: sub.target }] as const)));
  const rules: CompiledRule[] = declarationRules(services, DEFAULT_BUS_NAME, { region, accountId: DEFAULT_ACCOUNT_ID }).map((rule) => {
    const origin = declared.get(rule.name);
    return {
      name: rule.name,
      service: origin?.service ?? 'other',
      target: origin ? targetLabel(origin.target) : rule.targets.map((t) => `${t.kind} ${t.name}`).join(', '),
      pattern: compilePattern(rule.eventPattern),
    };
  });
  return (event) =>
    rules.map((rule) => {
      const explanation = rule.pattern.explain(event);
      return {
        rule: rule.name,
        service: rule.service,
        target: rule.target,
        matched: explanation.matched,
        reasons: explanation.reasons.map((r) => ({ path: r.path, message: r.alternative ? `${r.message} (in ${r.alternative})` : r.message })),
      };
    });
}

function targetLabel(target: SubscriptionTarget): string {
  switch (target.kind) {
    case 'function':
      return `function ${target.function}`;
    case 'sqs':
      return `queue ${target.queue}`;
    case 'sns':
      return `topic ${target.topic}`;
    case 'apiDestination':
      return `webhook ${target.destination}`;
  }
}
