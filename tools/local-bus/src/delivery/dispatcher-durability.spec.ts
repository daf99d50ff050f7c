import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JOURNAL_FILE } from '../journal/delivery-journal';
import type { TargetInvoker } from '../model';
import { createDispatcher } from './dispatcher';
import type { DispatcherOptions, RunningDispatcher } from './dispatcher-types';
import { delivery, recordingInvoker } from './__fixtures__/deliveries';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const CRASH_CHILD = join(__dirname, '__fixtures__/crash-child.ts');
const hang = new Promise<void>(() => undefined);
const hangingInvoker: TargetInvoker = { invokeFunction: () => hang, sendToQueue: () => hang, callApiDestination: () => hang };
const quiet = () => undefined;

describe('dispatcher durability (journal on disk)', () => {
  let directory: string;
  const opened: RunningDispatcher[] = [];
  let child: ChildProcess | undefined;
  const open = (options: Omit<DispatcherOptions, 'directory'>) => {
    const dispatcher = createDispatcher({ directory, log: quiet, ...options });
    opened.push(dispatcher);
    return dispatcher;
  };
  const journalLines = async () => (await readFile(join(directory, JOURNAL_FILE), 'utf8')).split('\n').filter((l) => l !== '');

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-journal-'));
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    child = undefined;
    await Promise.all(opened.splice(0).map((d) => d.close()));
    await rm(directory, { recursive: true, force: true });
  });

  it('delivers every journaled delivery after the process that accepted them is killed with SIGKILL', async () => {
    // Prepare: a child process accepts 50 deliveries for a target that never answers
    const count = 50;
    child = spawn(process.execPath, ['--import', 'tsx', CRASH_CHILD, directory, String(count)], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolvePromise, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ENQUEUED') && resolvePromise());
      child!.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });

    // Act: kill -9, then start a new dispatcher on the same directory
    const exited = new Promise((resolvePromise) => child!.once('exit', (_code, signal) => resolvePromise(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const target = recordingInvoker();
    const dispatcher = open({ invoker: target.invoker });
    await dispatcher.start();
    await dispatcher.drain();

    // Assess
    const expected = Array.from({ length: count }, (_, i) => `crash-${i}`).sort();
    expect([...new Set(target.invocations)].sort()).toEqual(expected);
    expect(dispatcher.stats()).toMatchObject({ pending: 0, delivered: count });
  }, 20_000);

  it('compacts the journal on start to the unacknowledged deliveries only', async () => {
    // Prepare: three delivered, one stuck at a hanging target
    const first = open({
      invoker: {
        ...recordingInvoker().invoker,
        invokeFunction: async (_name, event) => (event.id === 'stuck' ? hang : undefined),
      },
    });
    await first.enqueue([delivery('a'), delivery('b'), delivery('c'), delivery('stuck')]);
    await waitFor(() => first.stats().delivered === 3);
    await first.close();
    const linesBefore = await journalLines();

    // Act: the next start compacts (its target hangs, so no new ack races the read)
    const second = open({ invoker: hangingInvoker });
    await second.start();
    const linesAfterCompaction = await journalLines();

    // Assess
    expect(linesBefore).toHaveLength(7);
    expect(linesAfterCompaction).toHaveLength(1);
    expect(JSON.parse(linesAfterCompaction[0]!)).toMatchObject({ op: 'enqueue', delivery: { event: { id: 'stuck' } } });
    expect(second.stats().pending).toBe(1);
  });

  it('compacts the journal while running, keeping only unacknowledged deliveries', async () => {
    // Prepare: a tiny compaction threshold; one delivery stays stuck at its target
    const stuck = open({
      compactJournalAfterLines: 20,
      invoker: { ...recordingInvoker().invoker, invokeFunction: async (_name, event) => (event.id === 'stuck' ? hang : undefined) },
    });

    // Act
    await stuck.enqueue([delivery('stuck')]);
    for (let i = 0; i < 20; i += 1) await stuck.enqueue(Array.from({ length: 5 }, (_, j) => delivery(`e${i * 5 + j}`)));
    await waitFor(() => stuck.stats().delivered === 100);
    await stuck.close();

    // Assess: far fewer than the 201 lines written, and a restart owes exactly the stuck one
    const lines = await journalLines();
    expect(lines.length).toBeLessThan(60);
    const target = recordingInvoker();
    const next = open({ invoker: target.invoker });
    await next.start();
    await next.drain();
    expect(target.invocations).toEqual(['stuck']);
  });

  it('resumes a decided dead-letter send after a restart without calling the target again', async () => {
    // Prepare: the target fails, the DLQ hangs, the process stops
    const first = open({
      invoker: { ...hangingInvoker, invokeFunction: async () => Promise.reject(new Error('target down')) },
    });
    await first.enqueue([delivery('e1', { deadLetterQueue: 'dlq', retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } })]);
    await waitFor(async () => (await journalLines()).some((l) => l.includes('"op":"dead"')));
    await first.close();

    // Act
    const target = recordingInvoker();
    const second = open({ invoker: target.invoker });
    await second.start();
    await second.drain();

    // Assess
    expect(target.invocations).toEqual([]);
    expect(target.messages).toHaveLength(1);
    expect(target.messages[0]!.attributes).toMatchObject({ ERROR_CODE: 'ERROR_FROM_TARGET', ERROR_MESSAGE: 'target down' });
  });

  it('keeps undeliverable records on disk across restarts', async () => {
    // Prepare
    const first = open({ invoker: { ...hangingInvoker, invokeFunction: async () => Promise.reject(new Error('nope')) } });
    await first.enqueue([delivery('lost', { retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } })]);
    await first.drain();
    await first.close();

    // Act
    const second = open({ invoker: recordingInvoker().invoker });
    await second.start();

    // Assess
    expect(second.stats().undeliverable.map((r) => [r.event.id, r.attributes['ERROR_MESSAGE']])).toEqual([['lost', 'nope']]);
    expect(second.stats().pending).toBe(0);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
