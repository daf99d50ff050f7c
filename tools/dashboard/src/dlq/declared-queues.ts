import type { ServiceDeclaration } from '@pulse/service-kit';

export interface DeclaredQueue {
  readonly queue: string;
  /** What fails into it: "rule → target" or "kinesis Readings → function". */
  readonly feeds: readonly string[];
}

/** Every dead-letter queue the services declare (rule DLQs and event-source failure queues), by name. */
export function declaredDeadLetterQueues(services: readonly ServiceDeclaration[]): DeclaredQueue[] {
  const feeds = new Map<string, string[]>();
  const add = (queue: string, feed: string) => feeds.set(queue, [...(feeds.get(queue) ?? []), feed]);
  for (const service of services) {
    for (const sub of service.subscriptions ?? []) add(sub.deadLetterQueue, `${sub.rule} → ${targetName(sub.target)}`);
    for (const source of service.eventSources ?? []) {
      add(source.onFailureQueue, `${source.kind} ${source.kind === 'kinesis' ? source.stream : source.bucket} → ${source.function}`);
    }
  }
  return [...feeds].map(([queue, list]) => ({ queue, feeds: list })).sort((a, b) => a.queue.localeCompare(b.queue));
}

function targetName(target: NonNullable<ServiceDeclaration['subscriptions']>[number]['target']): string {
  switch (target.kind) {
    case 'function':
      return target.function;
    case 'sqs':
      return target.queue;
    case 'sns':
      return target.topic;
    case 'apiDestination':
      return target.destination;
  }
}
