import { DeleteMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { deadLetterQueueUrls, queueName, receiveAll, releaseMessages, sqsClientFor, toDeadLetter } from '../reconcile/dead-letters';

export interface RedriveOptions {
  readonly sqsEndpoint: string;
  /** The local bus (its `/_pulse/redeliver` admin endpoint). */
  readonly busEndpoint: string;
  readonly region: string;
}

export interface RedriveOutcome {
  /** Per queue: messages handed back to their rule's target, and those left in the queue. */
  readonly byQueue: Readonly<Record<string, { readonly redriven: number; readonly left: number }>>;
  readonly redriven: number;
  /** Why messages were left (at most 20). */
  readonly problems: readonly string[];
}

/** While a redrive works on a message no other reader gets it; what was left is released at the end. */
const REDRIVE_VISIBILITY_SECONDS = 60;

/**
 * `pulse dlq redrive` for every `-dlq` queue: each EventBridge dead letter goes back to exactly
 * its rule's target through POST /_pulse/redeliver (a fresh delivery with the target's retry
 * policy) and is deleted once the bus has journaled it. Messages without RULE_ARN/TARGET_ARN
 * (Kinesis or S3 failure records) are left where they are.
 */
export async function redriveDeadLetterQueues(options: RedriveOptions): Promise<RedriveOutcome> {
  const client = sqsClientFor({ endpoint: options.sqsEndpoint, region: options.region });
  const byQueue: Record<string, { redriven: number; left: number }> = {};
  const problems: string[] = [];
  let redriven = 0;
  try {
    for (const url of await deadLetterQueueUrls(client)) {
      const queue = queueName(url);
      const left: Message[] = [];
      let fromQueue = 0;
      for (const message of await receiveAll(client, url, REDRIVE_VISIBILITY_SECONDS)) {
        const problem = await redeliver(options.busEndpoint, queue, message);
        if (problem === undefined) {
          await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle }));
          fromQueue += 1;
        } else {
          left.push(message);
          if (problems.length < 20) problems.push(`${queue} ${message.MessageId ?? ''}: ${problem}`);
        }
      }
      await releaseMessages(client, url, left);
      byQueue[queue] = { redriven: fromQueue, left: left.length };
      redriven += fromQueue;
    }
  } finally {
    client.destroy();
  }
  return { byQueue, redriven, problems };
}

async function redeliver(busEndpoint: string, queue: string, message: Message): Promise<string | undefined> {
  const letter = toDeadLetter(queue, message);
  const targetId = functionOrResourceName(letter.attributes['TARGET_ARN']);
  if (letter.ruleName === undefined || targetId === undefined) return 'no RULE_ARN/TARGET_ARN: not an EventBridge dead letter';
  let event: unknown;
  try {
    event = JSON.parse(letter.body);
  } catch {
    return 'the body is not JSON';
  }
  const response = await fetch(`${busEndpoint}/_pulse/redeliver`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ruleName: letter.ruleName, targetId, event }),
  }).catch((error: unknown) => error as Error);
  if (response instanceof Error) return `the bus is unreachable: ${response.message}`;
  const text = await response.text();
  return response.ok ? undefined : `the bus answered ${response.status}: ${text.slice(0, 200)}`;
}

/** The local bus's target Id for a declared target: the name in its ARN (`…:function:<name>`, `…:sqs:…:<name>`, `…/<name>`). */
function functionOrResourceName(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const parts = arn.split(':');
  if (parts[5] === 'function') return parts[6] || undefined;
  const resource = parts.slice(5).join(':');
  return (resource.includes('/') ? resource.split('/')[1] : resource) || undefined;
}
