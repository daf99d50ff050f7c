import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { InvokeOptions, InvokeResult } from '@pulse/function-runner';
import { startSqsServer, type SqsServer } from '@pulse/local-sqs';
import type { SendDeadLetter } from '../channel-types';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

export interface Invocation {
  readonly functionName: string;
  readonly event: unknown;
  readonly mode: InvokeOptions['mode'];
}

export type Behaviour = (event: unknown, call: number) => InvokeResult | Promise<InvokeResult>;

export const succeed = (result: unknown = null): InvokeResult => ({ ok: true, result, durationMs: 1, coldStart: false });
export const fail = (errorMessage = 'boom', errorType = 'Error'): InvokeResult => ({ ok: false, errorType, errorMessage, durationMs: 1 });

/** Stands in for the function runner: records every invocation and answers with `behaviour`. */
export class RecordingFunction {
  readonly invocations: Invocation[] = [];

  constructor(private behaviour: Behaviour = () => succeed()) {}

  readonly invoke = async (functionName: string, event: unknown, options: InvokeOptions): Promise<InvokeResult> => {
    // The runner hands the function a JSON copy, so later mutation by the caller cannot show here.
    const copy = JSON.parse(JSON.stringify(event)) as unknown;
    this.invocations.push({ functionName, event: copy, mode: options.mode });
    return this.behaviour(copy, this.invocations.length);
  };

  answer(behaviour: Behaviour): void {
    this.behaviour = behaviour;
  }
}

/** A real local SQS (as the runtime's DLQs), its SDK client, and a dead-letter function sending to it. */
export interface DeadLetterQueues {
  readonly server: SqsServer;
  readonly sqs: SQSClient;
  readonly deadLetter: SendDeadLetter;
  /** Receives what is in the queue now, through the SDK, as parsed JSON bodies with their attributes. */
  receive(queue: string): Promise<{ body: Record<string, unknown>; attributes: Record<string, string> }[]>;
  close(): Promise<void>;
}

export async function startDeadLetterQueues(queues: readonly string[]): Promise<DeadLetterQueues> {
  const server = await startSqsServer({ port: 0, log: () => undefined });
  for (const queue of queues) server.createQueue(queue);
  const sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  return {
    server,
    sqs,
    deadLetter: (queue, body, attributes) => {
      server.sendMessage(
        queue,
        body,
        Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])),
      );
    },
    async receive(queue) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: server.queueUrl(queue), MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], WaitTimeSeconds: 0 }),
      );
      return Messages.map((message) => ({
        body: JSON.parse(message.Body ?? '{}') as Record<string, unknown>,
        attributes: Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? ''])),
      }));
    },
    async close() {
      sqs.destroy();
      await server.close();
    },
  };
}

export function tempDirectory(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `pulse-channels-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Polls until `check` gives a value (not undefined/false); fails naming `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUpAt) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Collects log lines so a test can both keep the output clean and assert on what was said. */
export function logLines(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}
