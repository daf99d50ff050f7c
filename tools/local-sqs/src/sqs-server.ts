import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleJsonRequest, type ProtocolResponse } from './json-protocol';
import { sendOne } from './message-operations';
import { ACCOUNT_ID, type Clock, type MessageAttributeValue, type StoredMessage, systemClock } from './model';
import type { OperationContext } from './operation';
import { handleQueryRequest } from './query-protocol';
import { QueueStore } from './queue-store';

export interface SqsServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  region?: string;
  /** Persist queues and messages in this directory (one journal per queue); in memory when absent. */
  directory?: string;
  clock?: Clock;
  /** Where unexpected failures are reported; stderr by default. */
  log?: (line: string) => void;
}

export interface SqsServer {
  /** `http://host:port`, for an SDK client's `endpoint` or the CLI's `--endpoint-url`. */
  readonly endpoint: string;
  readonly port: number;
  queueUrl(name: string): string;
  queueArn(name: string): string;
  /** In-process CreateQueue (idempotent); returns the queue URL. */
  createQueue(name: string, attributes?: Record<string, string>): string;
  /** In-process SendMessage with the API's validation (throws SqsError), for callers that hold the server. */
  sendMessage(queueName: string, body: string, messageAttributes?: Record<string, MessageAttributeValue>): { messageId: string };
  /** Every message of a queue without receiving it (no visibility change), oldest first. */
  peekMessages(queueName: string): readonly StoredMessage[];
  queueNames(prefix?: string): string[];
  close(): Promise<void>;
}

/** Request bodies beyond this are refused: the largest legal SQS request is well under it. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const IN_PROCESS_SENDER = 'pulse-local';
const CLOSE_GRACE_MS = 1_000;

export async function startSqsServer(options: SqsServerOptions = {}): Promise<SqsServer> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`[local-sqs] ${line}\n`));
  const store = new QueueStore({ region: options.region ?? 'us-east-1', clock, directory: options.directory });
  const pending = new Set<AbortController>();
  let baseUrl = '';
  const queueUrl = (name: string): string => `${baseUrl}/${ACCOUNT_ID}/${name}`;

  const server = createServer((request, response) => {
    const abort = new AbortController();
    pending.add(abort);
    response.on('close', () => {
      abort.abort();
      pending.delete(abort);
    });
    const context: OperationContext = { store, clock, queueUrl, senderId: senderIdOf(request), signal: abort.signal };
    serve(request, context)
      .then((answer) => send(response, answer))
      .catch((error: unknown) => {
        log(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        send(response, { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal error' });
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    endpoint: baseUrl,
    port,
    queueUrl,
    queueArn: (name) => store.arn(name),
    createQueue(name, attributes) {
      store.create(name, attributes);
      return queueUrl(name);
    },
    sendMessage(queueName, body, messageAttributes = {}) {
      const sent = sendOne(store.get(queueName), { MessageBody: body, MessageAttributes: messageAttributes }, IN_PROCESS_SENDER);
      return { messageId: sent.MessageId };
    },
    peekMessages: (queueName) => store.get(queueName).peek(),
    queueNames: (prefix) => store.names(prefix),
    async close() {
      // Long polls answer empty at once, so closing never waits up to 20 s; their answers
      // get a moment to leave before the remaining connections are cut.
      for (const controller of pending) controller.abort();
      await settled(() => pending.size === 0, CLOSE_GRACE_MS);
      store.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function serve(request: IncomingMessage, context: OperationContext): Promise<ProtocolResponse> {
  const requestId = randomUUID();
  const body = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://localhost');
  const target = request.headers['x-amz-target'];
  const answer =
    typeof target === 'string'
      ? await handleJsonRequest(target, body, context)
      : await handleQueryRequest(queryParams(url, body, request), url.pathname, context, requestId);
  answer.headers['x-amzn-requestid'] = requestId;
  return answer;
}

/** Query parameters may come in the URL (GET) and the form body (POST); both count. */
function queryParams(url: URL, body: string, request: IncomingMessage): URLSearchParams {
  const params = new URLSearchParams(url.search);
  const contentType = request.headers['content-type'] ?? '';
  if (body !== '' && (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded'))) {
    for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
  }
  return params;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error(`request body over ${MAX_REQUEST_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: ProtocolResponse): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(answer.body);
}

/** The access key id from a SigV4 Authorization header; SQS reports the sender's identity. */
function senderIdOf(request: IncomingMessage): string {
  const match = /Credential=([^/,\s]+)/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? 'anonymous';
}

async function settled(done: () => boolean, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!done() && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 5));
}
