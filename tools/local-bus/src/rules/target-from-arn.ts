import type { TargetKind } from '../model';

export interface ResolvedTarget {
  readonly kind: TargetKind;
  readonly name: string;
}

/**
 * SNS is not available locally: a topic target becomes a queue named `<topic>-notifications`,
 * so what would have been published can still be read (with the SQS API) and asserted on.
 */
export const snsStandInQueue = (topic: string) => `${topic}-notifications`;

/** What a target ARN points at, as delivery knows it; undefined for kinds the local bus cannot reach. */
export function targetFromArn(arn: string): ResolvedTarget | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const service = parts[2];
  const resource = parts.slice(5).join(':');
  if (service === 'lambda' && resource.startsWith('function:')) {
    const [, name = ''] = resource.split(':');
    return name === '' ? undefined : { kind: 'function', name };
  }
  if (service === 'sqs' && resource !== '') return { kind: 'sqs', name: resource };
  if (service === 'sns' && resource !== '') return { kind: 'sqs', name: snsStandInQueue(resource) };
  if (service === 'events' && resource.startsWith('api-destination/')) {
    const [, name = ''] = resource.split('/');
    return name === '' ? undefined : { kind: 'apiDestination', name };
  }
  return undefined;
}

/** Queue name of a dead-letter queue ARN; only SQS queues can be dead-letter queues. */
export function queueNameFromArn(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length === 6 && parts[0] === 'arn' && parts[2] === 'sqs' && parts[5] !== '' ? parts[5] : undefined;
}
