import { request } from 'node:http';
import type { Command } from 'commander';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { positiveInteger } from '../arguments';
import { describeSdkError } from '../eventbridge-client';
import { reportEndpoint, resolveEndpoint, unreachable, type ResolvedEndpoint } from '../local-endpoints';

/** The SQS message attributes EventBridge sets on a dead-letter message. */
export const DLQ_ATTRIBUTES = ['ERROR_CODE', 'ERROR_MESSAGE', 'RULE_ARN', 'TARGET_ARN'] as const;

/** While `show` reads, messages are hidden this long at most; they are released at once afterwards. */
const PEEK_VISIBILITY_SECONDS = 5;
/** While `redrive` works on messages, no other reader gets them; failures are released at the end. */
const REDRIVE_VISIBILITY_SECONDS = 60;

export interface QueueSummary {
  readonly name: string;
  readonly url: string;
  readonly messages: number;
  readonly inFlight: number;
}

export interface DeadLetter {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  /** The String message attributes (ERROR_CODE, RULE_ARN, …). */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface RedriveResult {
  readonly redriven: number;
  readonly failed: readonly { readonly messageId: string; readonly reason: string }[];
}

/** Answers of POST /_pulse/redeliver; a status outside 2xx leaves the message in the queue. */
export type Redeliver = (request: { ruleName: string; targetId: string; event: unknown }) => Promise<{ status: number; body: string }>;

// ---------------------------------------------------------------------------------------
// ARNs
// ---------------------------------------------------------------------------------------

/** The rule name in `arn:aws:events:<r>:<a>:rule/<bus>/<name>` or `…:rule/<name>` (default bus). */
export function ruleNameFromArn(arn: string): string | undefined {
  const resource = arn.split(':').slice(5).join(':');
  if (!arn.startsWith('arn:') || !resource.startsWith('rule/')) return undefined;
  return resource.split('/').pop() || undefined;
}

/**
 * The target Id the local bus gives a declared target: the function, queue, topic or API
 * destination name in its ARN (`…:function:<name>[:qualifier]`, `…:sqs:…:<name>`,
 * `…:sns:…:<name>`, `…:api-destination/<name>[/<uuid>]`).
 */
export function targetIdFromArn(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return undefined;
  const resource = parts.slice(5);
  if (resource[0] === 'function') return resource[1] || undefined;
  const joined = resource.join(':');
  if (joined.includes('/')) return joined.split('/')[1] || undefined;
  return joined || undefined;
}

// ---------------------------------------------------------------------------------------
// SQS
// ---------------------------------------------------------------------------------------

export function sqsClient(endpoint: ResolvedEndpoint): SQSClient {
  return new SQSClient({
    endpoint: endpoint.url,
    region: endpoint.region,
    credentials: { accessKeyId: 'pulse-cli', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
}

export async function listQueues(client: SQSClient): Promise<QueueSummary[]> {
  const urls: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListQueuesCommand({ MaxResults: 1000, NextToken: nextToken }));
    urls.push(...(page.QueueUrls ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return Promise.all(
    urls.map(async (url) => {
      const { Attributes = {} } = await client.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      return {
        name: url.split('/').pop() ?? url,
        url,
        messages: Number(Attributes.ApproximateNumberOfMessages ?? 0),
        inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      };
    }),
  );
}

/** A queue URL from a name or a URL; an unknown name fails naming the queues that exist. */
export async function queueUrlOf(client: SQSClient, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return queue;
  try {
    return (await client.send(new GetQueueUrlCommand({ QueueName: queue }))).QueueUrl ?? '';
  } catch (error) {
    if ((error as Error).name !== 'QueueDoesNotExist') throw error;
    const known = (await listQueues(client)).map((q) => q.name).join(', ') || 'none';
    throw new Error(`no queue '${queue}'; queues: ${known}`);
  }
}

/** Receives up to `max` distinct messages (all when undefined), hidden for `visibilitySeconds`. */
async function receiveDistinct(client: SQSClient, url: string, max: number | undefined, visibilitySeconds: number): Promise<DeadLetter[]> {
  const seen = new Map<string, DeadLetter>();
  for (;;) {
    const wanted = max === undefined ? 10 : Math.min(10, max - seen.size);
    if (wanted <= 0) break;
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: wanted, VisibilityTimeout: visibilitySeconds, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }),
    );
    const fresh = Messages.map(toDeadLetter).filter((m) => m.messageId !== '' && !seen.has(m.messageId));
    // Nothing new: the queue is drained, or what remains is what we already hold.
    if (fresh.length === 0) break;
    for (const message of fresh) seen.set(message.messageId, message);
  }
  return [...seen.values()];
}

function toDeadLetter(message: Message): DeadLetter {
  const attributes = Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).flatMap(([name, value]) => (value.StringValue === undefined ? [] : [[name, value.StringValue]])),
  );
  return { messageId: message.MessageId ?? '', receiptHandle: message.ReceiptHandle ?? '', body: message.Body ?? '', attributes };
}

/** Makes messages visible again at once (what `show` and failed redrives owe the queue). */
async function release(client: SQSClient, url: string, messages: readonly DeadLetter[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    const batch = messages.slice(i, i + 10);
    await client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: batch.map((m, index) => ({ Id: String(index), ReceiptHandle: m.receiptHandle, VisibilityTimeout: 0 })),
      }),
    );
  }
}

/** Reads up to `max` messages without consuming them: nothing is deleted and all are released afterwards. */
export async function peekDeadLetters(client: SQSClient, url: string, max: number): Promise<DeadLetter[]> {
  const messages = await receiveDistinct(client, url, max, PEEK_VISIBILITY_SECONDS);
  await release(client, url, messages);
  return messages;
}

/** Sends each message back to its rule's target; deletes it only after the bus accepted it (2xx). */
export async function redriveDeadLetters(client: SQSClient, url: string, max: number | undefined, redeliver: Redeliver): Promise<RedriveResult> {
  const messages = await receiveDistinct(client, url, max, REDRIVE_VISIBILITY_SECONDS);
  const failed: { messageId: string; reason: string; message: DeadLetter }[] = [];
  let redriven = 0;
  for (const message of messages) {
    const reason = await redriveOne(message, redeliver);
    if (reason === undefined) {
      await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.receiptHandle }));
      redriven += 1;
    } else failed.push({ messageId: message.messageId, reason, message });
  }
  await release(client, url, failed.map((f) => f.message));
  return { redriven, failed: failed.map(({ messageId, reason }) => ({ messageId, reason })) };
}

/** Undefined when the bus took the event back; otherwise why not. */
async function redriveOne(message: DeadLetter, redeliver: Redeliver): Promise<string | undefined> {
  const ruleArn = message.attributes['RULE_ARN'];
  const targetArn = message.attributes['TARGET_ARN'];
  const ruleName = ruleArn === undefined ? undefined : ruleNameFromArn(ruleArn);
  const targetId = targetArn === undefined ? undefined : targetIdFromArn(targetArn);
  if (!ruleName) return `no rule name in RULE_ARN attribute (${ruleArn ?? 'missing'})`;
  if (!targetId) return `no target in TARGET_ARN attribute (${targetArn ?? 'missing'})`;
  let event: unknown;
  try {
    event = JSON.parse(message.body);
  } catch {
    return 'the message body is not an event (not JSON)';
  }
  try {
    const answer = await redeliver({ ruleName, targetId, event });
    if (answer.status >= 200 && answer.status < 300) return undefined;
    return `the bus answered ${answer.status} for rule ${ruleName}, target ${targetId}: ${answer.body.slice(0, 200)}`;
  } catch (error) {
    return (error as Error).message;
  }
}

/** POST <eventbridge>/_pulse/redeliver, without keep-alive so the CLI exits promptly. */
export function httpRedeliver(endpoint: ResolvedEndpoint): Redeliver {
  return (body) =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        `${endpoint.url}/_pulse/redeliver`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', (error) => reject(unreachable(endpoint, error)));
      req.end(payload);
    });
}

// ---------------------------------------------------------------------------------------
// Rendering and the commands
// ---------------------------------------------------------------------------------------

function formatQueues(queues: readonly QueueSummary[]): string {
  if (queues.length === 0) return 'no queues\n';
  const rows: [string, string, string][] = [['QUEUE', 'MESSAGES', 'IN FLIGHT'], ...queues.map((q): [string, string, string] => [q.name, String(q.messages), String(q.inFlight)])];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const countWidth = Math.max(...rows.map(([, count]) => count.length));
  return rows.map(([name, count, inFlight]) => `${name.padEnd(nameWidth)}  ${count.padStart(countWidth)}  ${inFlight}`).join('\n') + '\n';
}

/** What `show --json` prints: the message without its receipt handle, which is useless once released. */
function printable(message: DeadLetter): Omit<DeadLetter, 'receiptHandle'> {
  return { messageId: message.messageId, body: message.body, attributes: message.attributes };
}

function formatDeadLetter(message: DeadLetter): string {
  let head = `message ${message.messageId}: body is not JSON`;
  try {
    const event = JSON.parse(message.body) as Record<string, unknown>;
    head = `message ${message.messageId}: event ${String(event['id'])}  ${String(event['source'])}  ${String(event['detail-type'])}`;
  } catch {
    // keep the "not JSON" head: the message is still worth showing
  }
  const lines = DLQ_ATTRIBUTES.map((name) => `  ${name.padEnd(13)} ${message.attributes[name] ?? '(missing)'}`);
  return [head, ...lines].join('\n');
}

interface DlqOptions {
  sqsEndpoint?: string;
  endpoint?: string;
  verbose?: boolean;
  max?: string;
  json?: boolean;
}

const SQS_ENDPOINT_HELP = 'SQS endpoint (default: AWS_ENDPOINT_URL_SQS, .local/endpoints.json, http://127.0.0.1:4011)';

export function registerDlq(program: Command): void {
  const dlq = program.command('dlq').description("The local dead-letter queues: what failed, why, and sending it back to its rule's target");

  dlq
    .command('list')
    .description('Every queue with its number of messages (ApproximateNumberOfMessages) and in-flight ones')
    .option('--sqs-endpoint <url>', SQS_ENDPOINT_HELP)
    .option('--json', 'print the queues as JSON')
    .option('--verbose', 'say on stderr which endpoint is used')
    .action((options: DlqOptions) =>
      withSqs('dlq list', options, async (client) => {
        const queues = await listQueues(client);
        process.stdout.write(options.json ? `${JSON.stringify(queues, null, 2)}\n` : formatQueues(queues));
        return 0;
      }),
    );

  dlq
    .command('show')
    .description("Print a queue's messages with why they failed (ERROR_CODE, ERROR_MESSAGE, RULE_ARN, TARGET_ARN); nothing is consumed")
    .argument('<queue>', 'queue name or URL')
    .option('--max <n>', 'at most this many messages', '10')
    .option('--sqs-endpoint <url>', SQS_ENDPOINT_HELP)
    .option('--json', 'print the messages as JSON (body, attributes)')
    .option('--verbose', 'say on stderr which endpoint is used')
    .action((queue: string, options: DlqOptions) =>
      withSqs('dlq show', options, async (client) => {
        const max = positiveInteger('--max', options.max ?? '10');
        const messages = await peekDeadLetters(client, await queueUrlOf(client, queue), max);
        if (options.json) process.stdout.write(`${JSON.stringify(messages.map(printable), null, 2)}\n`);
        else process.stdout.write(messages.length === 0 ? `${queue} is empty\n` : `${messages.map(formatDeadLetter).join('\n')}\n`);
        return 0;
      }),
    );

  dlq
    .command('redrive')
    .description("Send a queue's messages back to their rule's target through the local bus; each is deleted only once the bus took it")
    .argument('<queue>', 'queue name or URL')
    .option('--max <n>', 'at most this many messages (default: all)')
    .option('--sqs-endpoint <url>', SQS_ENDPOINT_HELP)
    .option('--endpoint <url>', 'EventBridge endpoint (default: AWS_ENDPOINT_URL_EVENTBRIDGE, .local/endpoints.json, http://127.0.0.1:4010)')
    .option('--verbose', 'say on stderr which endpoints are used')
    .action((queue: string, options: DlqOptions) =>
      withSqs('dlq redrive', options, async (client) => {
        const max = options.max === undefined ? undefined : positiveInteger('--max', options.max);
        const bus = resolveEndpoint('eventbridge', options.endpoint);
        reportEndpoint('eventbridge', bus, options.verbose);
        const result = await redriveDeadLetters(client, await queueUrlOf(client, queue), max, httpRedeliver(bus));
        const total = result.redriven + result.failed.length;
        process.stdout.write(`redriven ${result.redriven} of ${total} message(s) from ${queue}; ${result.failed.length} failed\n`);
        for (const failure of result.failed) process.stdout.write(`  ${failure.messageId}: ${failure.reason}\n`);
        return result.failed.length === 0 ? 0 : 1;
      }),
    );
}

/** Runs a dlq subcommand with an SQS client, turning failures into one stderr line and exit 1 (2 for bad flags). */
async function withSqs(name: string, options: DlqOptions, body: (client: SQSClient) => Promise<number>): Promise<void> {
  let endpoint: ResolvedEndpoint;
  try {
    endpoint = resolveEndpoint('sqs', options.sqsEndpoint);
  } catch (error) {
    process.stderr.write(`pulse ${name}: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  reportEndpoint('sqs', endpoint, options.verbose);
  const client = sqsClient(endpoint);
  try {
    process.exitCode = await body(client);
  } catch (error) {
    process.stderr.write(`pulse ${name}: ${error instanceof RangeError ? error.message : describeSdkError(endpoint, error)}\n`);
    process.exitCode = error instanceof RangeError ? 2 : 1;
  } finally {
    client.destroy();
  }
}
