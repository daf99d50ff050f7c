import { duplicates } from './declaration-error';
import { retryPolicyProblems } from './retry-policy';
import type { ServiceDeclaration } from './service-declaration';

export function subscriptionProblems(service: ServiceDeclaration): string[] {
  const problems: string[] = [];
  const functions = new Set(service.functions.map((f) => f.name));
  const topics = new Set((service.topics ?? []).map((t) => t.name));
  const subscriptions = service.subscriptions ?? [];
  for (const rule of duplicates(subscriptions.map((s) => s.rule))) problems.push(`duplicate rule name '${rule}'`);
  for (const sub of subscriptions) {
    const at = `subscription '${sub.rule}'`;
    const { target } = sub;
    if (target.kind === 'function' && !functions.has(target.function)) {
      problems.push(`${at}: unknown function '${target.function}'`);
    }
    if (target.kind === 'sns' && !topics.has(target.topic)) problems.push(`${at}: unknown topic '${target.topic}'`);
    problems.push(...retryPolicyProblems(sub.retryPolicy ?? {}).map((p) => `${at}: ${p}`));
    if (!sub.deadLetterQueue) problems.push(`${at}: a dead-letter queue is required`);
    if (!sub.pattern.source?.length && !sub.pattern['detail-type']?.length) {
      problems.push(`${at}: the pattern must name a source or detail-type (use patternFor)`);
    }
    for (const contract of sub.consumes ?? []) {
      const matchesSource = sub.pattern.source?.includes(contract.source) ?? true;
      const matchesType = sub.pattern['detail-type']?.includes(contract.detailType) ?? true;
      if (!matchesSource || !matchesType) problems.push(`${at}: the pattern does not admit consumed contract '${contract.name}'`);
    }
  }
  return problems;
}
