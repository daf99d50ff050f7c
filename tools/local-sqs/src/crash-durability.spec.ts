import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silenceSdkNodeWarning } from './spec-support';
import { startSqsServer, type SqsServer } from './sqs-server';

silenceSdkNodeWarning();

/** Starts `main.ts` in a child process and resolves with its endpoint once it listens. */
function startChild(directory: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), '--port', '0', '--directory', directory, '--queue', 'dlq'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n')) resolve({ child, endpoint: (JSON.parse(line) as { endpoint: string }).endpoint });
    });
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

describe('crash durability', () => {
  let directory: string;
  let child: ChildProcess | undefined;
  let sqs: SQSClient | undefined;
  let restarted: SqsServer | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'local-sqs-crash-'));
  });

  afterEach(async () => {
    sqs?.destroy();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await restarted?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps every acknowledged message when the process is killed with SIGKILL', async () => {
    // Prepare
    const started = await startChild(directory);
    child = started.child;
    sqs = new SQSClient({ endpoint: started.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const QueueUrl = `${started.endpoint}/000000000000/dlq`;
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'acknowledged 0' }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [1, 2, 3].map((i) => ({ Id: `m${i}`, MessageBody: `acknowledged ${i}` })) }));

    // Act
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    restarted = await startSqsServer({ port: 0, directory, log: () => undefined });

    // Assess
    expect(restarted.peekMessages('dlq').map((message) => message.body)).toEqual([0, 1, 2, 3].map((i) => `acknowledged ${i}`));
  }, 15_000);
});
