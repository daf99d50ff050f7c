import type { RuleSpec } from '../model';

/** Every queue the rules send to: their dead-letter queues and their queue targets (SNS stand-ins included). */
export function queuesForRules(rules: readonly RuleSpec[]): string[] {
  const names = new Set<string>();
  for (const target of rules.flatMap((r) => r.targets)) {
    if (target.deadLetterQueue !== undefined) names.add(target.deadLetterQueue);
    if (target.kind === 'sqs') names.add(target.name);
  }
  return [...names].sort();
}
