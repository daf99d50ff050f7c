import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type { DeadLetterView, DlqHealth, RedriveView } from '../shared/messages';
import type { DeclaredQueue } from './declared-queues';

/** Messages being inspected are hidden this long at most; they are released at once afterwards. */
const PEEK_VISIBILITY_SECONDS = 5;
/** While redriven, no other reader gets them; failures are released at the end. */
const REDRIVE_VISIBILITY_SECONDS = 60;

export interface DeadLetterQueues {
  depths(): Promise<DlqHealth[]>;
  /** Up to `max` messages, nothing consumed; undefined when there is no such queue. */
  peek(queue: string, max: number): Promise<DeadLetterView[] | undefined>;
  /** Sends each message back to its rule's target through the bus; deleted only once the bus took it. */
  redrive(queue: string, max: number): Promise<RedriveView | undefined>;
  close(): void;
}

interface Received {
  readonly view: DeadLetterView;
  readonly body: string;
  readonly receiptHandle: string;
}

/**
 * The declared dead-letter queues over the local SQS API (the real SDK client), with the
 * same redrive as `pulse dlq redrive`: POST <bus>/_pulse/redeliver per message.
 */
export function deadLetterQueues(options: { sqsEndpoint: string; busEndpoint: string; region: string; queues: readonly DeclaredQueue[] }): DeadLetterQueues {
  const client = new SQSClient({
    endpoint: options.sqsEndpoint,
    region: options.region,
    credentials: { accessKeyId: 'pulse-dashboard', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const declared = new Set(options.queues.map((q) => q.queue));
  const urls = new Map<string, string>();

  async function urlOf(queue: string): Promise<string | undefined> {
    if (!declared.has(queue)) return undefined;
    const known = urls.get(queue);
    if (known) return known;
    try {
      const url = (await client.send(new GetQueueUrlCommand({ QueueName: queue }))).QueueUrl;
      if (url) urls.set(queue, url);
      return url;
    } catch {
      return undefined;
    }
  }

  async function receive(url: string, max: number, visibilitySeconds: number): Promise<Received[]> {
    const seen = new Map<string, Received>();
    while (seen.size < max) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: Math.min(10, max - seen.size), VisibilityTimeout: visibilitySeconds, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }),
      );
      const fresh = Messages.map(toReceived).filter((m) => m.view.messageId !== '' && !seen.has(m.view.messageId));
      if (fresh.length === 0) break;
      for (const message of fresh) seen.set(message.view.messageId, message);
    }
    return [...seen.values()];
  }

  async function release(url: string, messages: readonly Received[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const Entries = messages.slice(i, i + 10).map((m, index) => ({ Id: String(index), ReceiptHandle: m.receiptHandle, VisibilityTimeout: 0 }));
      await client.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: url, Entries }));
    }
  }

  async function redeliver(message: Received): Promise<string | undefined> {
    const ruleName = lastSegment(message.view.attributes['RULE_ARN'], 'rule/');
    const targetId = targetIdFromArn(message.view.attributes['TARGET_ARN']);
    if (!ruleName) return 'no rule in the RULE_ARN attribute (not a bus dead letter)';
    if (!targetId) return 'no target in the TARGET_ARN attribute';
    let event: unknown;
    try {
      event = JSON.parse(message.body);
    } catch {
      return 'the message body is not an event (not JSON)';
    }
    try {
      const answer = await fetch(`${options.busEndpoint}/_pulse/redeliver`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ruleName, targetId, event }),
      });
      const text = await answer.text();
      return answer.ok ? undefined : `the bus answered ${answer.status}: ${text.slice(0, 200)}`;
    } catch (error) {
      return `the bus is unreachable: ${(error as Error).message}`;
    }
  }

  return {
    depths: () =>
      Promise.all(
        options.queues.map(async ({ queue, feeds }): Promise<DlqHealth> => {
          const url = await urlOf(queue);
          if (url === undefined) return { queue, feeds, depth: null, inFlight: null };
          try {
            const { Attributes = {} } = await client.send(
              new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
            );
            return { queue, feeds, depth: Number(Attributes.ApproximateNumberOfMessages ?? 0), inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) };
          } catch {
            urls.delete(queue);
            return { queue, feeds, depth: null, inFlight: null };
          }
        }),
      ),
    async peek(queue, max) {
      const url = await urlOf(queue);
      if (url === undefined) return undefined;
      const messages = await receive(url, max, PEEK_VISIBILITY_SECONDS);
      await release(url, messages);
      return messages.map((m) => m.view);
    },
    async redrive(queue, max) {
      const url = await urlOf(queue);
      if (url === undefined) return undefined;
      const messages = await receive(url, max, REDRIVE_VISIBILITY_SECONDS);
      const failed: { messageId: string; reason: string; message: Received }[] = [];
      let redriven = 0;
      for (const message of messages) {
        const reason = await redeliver(message);
        if (reason === undefined) {
          await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.receiptHandle }));
          redriven += 1;
        } else failed.push({ messageId: message.view.messageId, reason, message });
      }
      await release(url, failed.map((f) => f.message));
      return { redriven, failed: failed.map(({ messageId, reason }) => ({ messageId, reason })) };
    },
    close: () => client.destroy(),
  };
}

function toReceived(message: Message): Received {
  const attributes = Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).flatMap(([name, value]) => (value.StringValue === undefined ? [] : [[name, value.StringValue]])),
  );
  const body = message.Body ?? '';
  let event: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) event = parsed as Record<string, unknown>;
  } catch {
    // Not an event (e.g. an event-source failure record): shown by its attributes only.
  }
  const text = (key: string) => (typeof event[key] === 'string' ? (event[key] as string) : null);
  return {
    view: { messageId: message.MessageId ?? '', eventId: text('id'), detailType: text('detail-type'), source: text('source'), attributes },
    body,
    receiptHandle: message.ReceiptHandle ?? '',
  };
}

/** `…:rule/<bus>/<name>` or `…:rule/<name>` → name. */
function lastSegment(arn: string | undefined, marker: string): string | undefined {
  const resource = arn?.split(':').slice(5).join(':') ?? '';
  return resource.startsWith(marker) ? resource.split('/').pop() || undefined : undefined;
}

/** The target Id the local bus gives a declared target: the function, queue, topic or destination name in its ARN. */
function targetIdFromArn(arn: string | undefined): string | undefined {
  const parts = arn?.split(':') ?? [];
  if (parts[0] !== 'arn' || parts.length < 6) return undefined;
  const resource = parts.slice(5);
  if (resource[0] === 'function') return resource[1] || undefined;
  const joined = resource.join(':');
  return (joined.includes('/') ? joined.split('/')[1] : joined) || undefined;
}
