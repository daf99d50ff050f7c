import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually, RecordingFunction, tempDirectory } from './__fixtures__/channel-harness';
import { dataOf, kinesisSource, startKinesisHarness, STREAM, words, type KinesisHarness } from './__fixtures__/kinesis-harness';
import { startKinesisPoller, type KinesisPoller } from './kinesis-poller';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const CHILD = join(__dirname, '__fixtures__/poller-child.ts');

describe('a poller killed with SIGKILL', () => {
  let harness: KinesisHarness;
  let child: ChildProcess | undefined;
  let poller: KinesisPoller | undefined;
  const dir = tempDirectory('crash');

  afterAll(async () => {
    child?.kill('SIGKILL');
    await poller?.stop();
    await harness?.close();
    dir.remove();
  });

  it('resumes after its last saved checkpoint: every record delivered, none before the checkpoint twice', async () => {
    // Prepare: 200 records; a child process delivers them 10 at a time, 20 ms each
    harness = await startKinesisHarness();
    const all = words('r', 200);
    const sequences = await harness.put(...all);
    const checkpointFile = join(dir.path, 'kinesis.checkpoint.json');
    const output = join(dir.path, 'delivered.txt');
    child = spawn(process.execPath, ['--import', 'tsx', CHILD, harness.kinesis.endpoint, checkpointFile, output], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstRun = () => (existsSync(output) ? readFileSync(output, 'utf8').split('\n').filter((line) => line !== '') : []);
    await eventually('50 records in the child', () => firstRun().length >= 50, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}; child stderr: ${stderr}`);
    });

    // Act: kill -9 mid-stream, then a poller in this process on the same checkpoint file
    const exited = new Promise((resolveExit) => child!.once('exit', (_code, signal) => resolveExit(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    child = undefined;
    const delivered = firstRun();
    const saved = JSON.parse(readFileSync(checkpointFile, 'utf8')) as { shards: Record<string, string> };
    const checkpointIndex = sequences.indexOf(saved.shards['shardId-000000000000']);
    const fn = new RecordingFunction();
    poller = startKinesisPoller({
      endpoint: harness.kinesis.endpoint,
      streamName: STREAM,
      source: kinesisSource({ batchSize: 50 }),
      functionName: 'receive-kinesis-readings',
      invoke: fn.invoke,
      deadLetter: () => undefined,
      checkpointFile,
      initialPosition: 'TRIM_HORIZON',
      idlePollMs: 10,
      log: () => undefined,
    });
    await eventually('the last record', () => fn.invocations.flatMap(dataOf).includes('r199'));

    // Assess
    const redelivered = fn.invocations.flatMap(dataOf);
    expect(checkpointIndex).toBeGreaterThanOrEqual(0);
    expect(redelivered).toEqual(all.slice(checkpointIndex + 1));
    expect(delivered.slice(0, checkpointIndex + 1)).toEqual(all.slice(0, checkpointIndex + 1));
    expect(new Set([...delivered, ...redelivered]).size).toBe(200);
  }, 30_000);
});
