/**
 * Throughput of the local SQS API with the real SDK, in memory and on disk:
 * `npx nx run local-sqs:bench`. One client, sequential calls plus 8 concurrent senders.
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSqsServer } from '../src/sqs-server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const BODY = JSON.stringify({ source: 'pulse.enrich', 'detail-type': 'ReadingsEnriched', detail: { data: 'x'.repeat(900) } });
const ATTRIBUTES = { ERROR_CODE: { DataType: 'String', StringValue: 'Lambda.FunctionError' } };

async function run(label: string, directory: string | undefined): Promise<void> {
  const server = await startSqsServer({ port: 0, directory, log: () => undefined });
  const sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const QueueUrl = server.createQueue('bench');
  try {
    const latencies: number[] = [];
    let started = performance.now();
    for (let i = 0; i < 2_000; i += 1) {
      const t0 = performance.now();
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: BODY, MessageAttributes: ATTRIBUTES }));
      latencies.push(performance.now() - t0);
    }
    const sequential = 2_000 / ((performance.now() - started) / 1000);

    started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; i < 100; i += 1) {
          const Entries = Array.from({ length: 10 }, (_, j) => ({ Id: `w${worker}m${j}`, MessageBody: BODY }));
          await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
        }
      }),
    );
    const batched = 8_000 / ((performance.now() - started) / 1000);

    started = performance.now();
    let drained = 0;
    for (;;) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }));
      if (Messages.length === 0) break;
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) }));
      drained += Messages.length;
    }
    const drain = drained / ((performance.now() - started) / 1000);

    latencies.sort((a, b) => a - b);
    const p = (q: number): string => latencies[Math.floor(q * (latencies.length - 1))].toFixed(2);
    console.log(
      `${label}: SendMessage ${sequential.toFixed(0)}/s (p50 ${p(0.5)} ms, p99 ${p(0.99)} ms); ` +
        `SendMessageBatch x8 ${batched.toFixed(0)} msg/s; receive+delete (10 per call) ${drain.toFixed(0)} msg/s over ${drained}`,
    );
  } finally {
    sqs.destroy();
    await server.close();
  }
}

async function main(): Promise<void> {
  await run('memory', undefined);
  const directory = mkdtempSync(join(tmpdir(), 'local-sqs-bench-'));
  try {
    await run('disk  ', directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

void main();
