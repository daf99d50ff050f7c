import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

describe('the standalone entry (src/main.ts)', () => {
  let child: ChildProcess | undefined;
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-main-'));
  });
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }
    child = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('prints its endpoints as one JSON line, serves the five services’ rules, and stops on SIGTERM', async () => {
    // Prepare
    child = spawn(TSX, ['--tsconfig', 'tools/local-bus/tsconfig.json', 'tools/local-bus/src/main.ts', '--bus-port', '0', '--sqs-port', '0', '--directory', directory], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    // Act
    const line = await new Promise<string>((done, fail) => {
      let stdout = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('\n')) done(stdout.split('\n')[0]!);
      });
      child!.once('exit', (code) => fail(new Error(`main.ts exited with ${code}: ${stderr}`)));
    });
    const endpoints = JSON.parse(line) as { eventbridge: string; sqs: string };
    const client = new EventBridgeClient({ endpoint: endpoints.eventbridge, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const rules = await client.send(new ListRulesCommand({ EventBusName: 'pulse-local' })).finally(() => client.destroy());
    const exitCode = await new Promise<number | null>((done) => {
      child!.once('exit', done);
      child!.kill('SIGTERM');
    });

    // Assess
    expect(Object.keys(endpoints)).toEqual(['eventbridge', 'sqs']);
    expect(endpoints.sqs).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(rules.Rules?.map((r) => r.Name)).toContain('transform-readings-received');
    expect(stderr).toMatch(/no function runner/);
    expect(exitCode).toBe(0);
    expect((await readdir(directory)).sort()).toEqual(['journal', 'sqs']);
  }, 20_000);
});
