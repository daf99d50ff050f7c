import {
  ChangeMessageVisibilityBatchCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { readingsOf } from './acknowledged-readings';

/** One message of a dead-letter queue, read as EventBridge writes them. */
export interface DeadLetter {
  readonly queue: string;
  readonly messageId: string;
  /** The last segment of RULE_ARN; undefined for messages that are not EventBridge dead letters. */
  readonly ruleName: string | undefined;
  readonly errorCode: string;
  readonly errorMessage: string;
  /** EXHAUSTED_RETRY_CONDITION: MaximumRetryAttempts / MaximumEventAgeInSeconds; absent for errors not retried. */
  readonly exhausted: string | undefined;
  readonly retryAttempts: number | undefined;
  /** The event's detail-type; undefined when the body is not an EventBridge event. */
  readonly detailType: string | undefined;
  readonly fleetId: string;
  readonly readingIds: readonly string[];
  /** Kept for redrive: the body exactly as the queue holds it. */
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface DeadLetterSource {
  readonly endpoint: string;
  readonly region: string;
}

/** Long enough to read a queue through; released at once afterwards. */
const PEEK_VISIBILITY_SECONDS = 30;

export function sqsClientFor(source: DeadLetterSource): SQSClient {
  return new SQSClient({ endpoint: source.endpoint, region: source.region, credentials: { accessKeyId: 'pulse-reconcile', secretAccessKey: 'local' } });
}

/** The URL of every queue whose name ends in `-dlq` (EventBridge DLQs and the channels' failure queues). */
export async function deadLetterQueueUrls(client: SQSClient): Promise<string[]> {
  const urls: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListQueuesCommand({ MaxResults: 1000, NextToken: nextToken }));
    urls.push(...(page.QueueUrls ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return urls.filter((url) => queueName(url).endsWith('-dlq')).sort();
}

export function queueName(url: string): string {
  return url.split('/').pop() ?? url;
}

/**
 * Every message of every `-dlq` queue, without consuming any: each is received (hidden
 * briefly), then made visible again. Bodies that are EventBridge events give their readingIds.
 */
export async function readDeadLetters(source: DeadLetterSource): Promise<DeadLetter[]> {
  const client = sqsClientFor(source);
  try {
    const letters: DeadLetter[] = [];
    for (const url of await deadLetterQueueUrls(client)) {
      const messages = await receiveAll(client, url, PEEK_VISIBILITY_SECONDS);
      await releaseMessages(client, url, messages);
      letters.push(...messages.map((message) => toDeadLetter(queueName(url), message)));
    }
    return letters;
  } finally {
    client.destroy();
  }
}

/** Receives until nothing new comes back: everything visible, each message once. */
export async function receiveAll(client: SQSClient, url: string, visibilitySeconds: number): Promise<Message[]> {
  const seen = new Map<string, Message>();
  for (;;) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: visibilitySeconds,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
      }),
    );
    const fresh = Messages.filter((m) => m.MessageId !== undefined && !seen.has(m.MessageId));
    if (fresh.length === 0) return [...seen.values()];
    for (const message of fresh) seen.set(message.MessageId as string, message);
  }
}

export async function releaseMessages(client: SQSClient, url: string, messages: readonly Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    await client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: messages.slice(i, i + 10).map((m, index) => ({ Id: String(index), ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 })),
      }),
    );
  }
}

export function toDeadLetter(queue: string, message: Message): DeadLetter {
  const attributes = Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).flatMap(([name, value]) => (value.StringValue === undefined ? [] : [[name, value.StringValue]])),
  );
  const body = message.Body ?? '';
  let event: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'detail-type' in parsed) event = parsed as Record<string, unknown>;
  } catch {
    // not an EventBridge event (a Kinesis or S3 failure record): no readings to account for
  }
  const { fleetId, readingIds } = event ? readingsOf(event['detail']) : { fleetId: '', readingIds: [] };
  const retries = attributes['RETRY_ATTEMPTS'];
  return {
    queue,
    messageId: message.MessageId ?? '',
    ruleName: attributes['RULE_ARN']?.split('/').pop(),
    errorCode: attributes['ERROR_CODE'] ?? 'UNKNOWN',
    errorMessage: attributes['ERROR_MESSAGE'] ?? '',
    exhausted: attributes['EXHAUSTED_RETRY_CONDITION'],
    retryAttempts: retries === undefined ? undefined : Number(retries),
    detailType: typeof event?.['detail-type'] === 'string' ? event['detail-type'] : undefined,
    fleetId,
    readingIds,
    body,
    attributes,
  };
}
