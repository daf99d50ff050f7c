import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { CHILD_DIR } from './function-host';

export interface ColdRun {
  /** Spawn to exit, as the parent saw it. */
  readonly wallMs: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: { name: string; message: string };
  /** Node's own start-up until the bench script ran, then require(bundle), then the invocation. */
  readonly bootMs?: number;
  readonly loadMs?: number;
  readonly invokeMs?: number;
  readonly tail?: readonly string[];
}

/** A fresh `node` process loads the bundle, completes one invocation with `event`, and exits. */
export async function coldInvocation(bundlePath: string, env: Readonly<Record<string, string>>, event: unknown): Promise<ColdRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pulse-bench-cold-'));
  try {
    const eventFile = path.join(dir, 'event.json');
    await writeFile(eventFile, JSON.stringify(event));
    const { wallMs, report, stderr } = await timedProcess([...profileArgs(), path.join(CHILD_DIR, 'cold-start.cjs'), bundlePath, eventFile], env, true);
    if (!report) return { wallMs, ok: false, error: { name: 'NoReport', message: `the cold-start process reported nothing: ${stderr.slice(-500)}` } };
    return { wallMs, ...(JSON.parse(report) as Omit<ColdRun, 'wallMs'>) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `PULSE_BENCH_COLD_PROFILE_DIR=<dir>` writes a V8 CPU profile of every cold start there
 * (`node --cpu-prof`), to see where a cold start's time goes; the timings then include the profiler.
 */
function profileArgs(): string[] {
  const dir = process.env['PULSE_BENCH_COLD_PROFILE_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'] : [];
}

/** `node -e 0`: the floor every cold start pays. */
export async function bareNode(): Promise<number> {
  const { wallMs } = await timedProcess(['-e', '0'], process.env['PATH'] ? { PATH: process.env['PATH'] } : {}, false);
  return wallMs;
}

async function timedProcess(args: readonly string[], env: Readonly<Record<string, string>>, withReport: boolean): Promise<{ wallMs: number; report: string; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...env }, stdio: ['ignore', 'ignore', 'pipe', withReport ? 'pipe' : 'ignore'] });
  let report = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  (child.stdio[3] as Readable | null)?.on('data', (chunk: Buffer) => (report += chunk.toString('utf8')));
  let wallMs = 0;
  child.once('exit', () => (wallMs = performance.now() - started));
  // 'close' comes after 'exit', once the pipes are drained too.
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve());
  });
  return { wallMs, report, stderr };
}
