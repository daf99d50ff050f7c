import { Rule } from 'aws-cdk-lib/aws-events';
import { toCdkEventPattern } from './event-pattern';
import { pascal } from './physical-names';
import type { ServiceScope } from './service-scope';
import { subscriptionTarget, type TargetResources } from './subscription-targets';

/** One rule per subscription on the platform bus, named as declared (rule names are unique per bus). */
export function createSubscriptions(ctx: ServiceScope, resources: TargetResources): ReadonlyMap<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const sub of ctx.declaration.subscriptions ?? []) {
    const target = subscriptionTarget(ctx, sub, resources);
    if (!target) continue;
    const rule = new Rule(ctx.scope, `Rule${pascal(sub.rule)}`, {
      ruleName: sub.rule,
      description: sub.description,
      eventBus: ctx.platform.bus,
      eventPattern: toCdkEventPattern(sub.pattern),
      targets: [target],
    });
    rules.set(sub.rule, rule);
  }
  return rules;
}
