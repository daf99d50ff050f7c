/**
 * PutEvents → function start, through the real bus, dispatcher, archive and journal on disk:
 *  1. latency p50/p99 at a steady offered rate (default 1,000 events/s for 10 s, open loop),
 *     with 1 entry per PutEvents and with 10 (what the services' batched publisher sends);
 *  2. the most events/s one bus accepts (PutEvents answered) and dispatches (functions started).
 * The "function" is a fake runner that records when it was called, so the figures are the bus's
 * own; the load comes from a child process (load-generator.ts) with the real SDK client.
 * Run: npx nx run local-bus:bench   (BENCH_RATE, BENCH_SECONDS, BENCH_MAX_SECONDS to vary)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeResult } from '@pulse/function-runner';
import { FIVE_SERVICES } from '../src/five-services';
import { startLocalBus } from '../src/local-bus';
import type { BusEvent } from '../src/model';
import type { LoadResult, LoadSettings } from './load-generator';

const RATE = Number(process.env['BENCH_RATE'] ?? 1_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const MAX_SECONDS = Number(process.env['BENCH_MAX_SECONDS'] ?? 5);

/** Function starts by the event's `detail.seq`, as absolute milliseconds. */
class StartRecorder {
  readonly starts = new Map<number, number>();
  async invoke(_name: string, event: unknown): Promise<InvokeResult> {
    const seq = ((event as BusEvent).detail as { seq: number }).seq;
    this.starts.set(seq, performance.timeOrigin + performance.now());
    return { ok: true, result: null, durationMs: 0, coldStart: false };
  }
}

/** One fresh bus (state on disk) per measurement, loaded by a child process. */
async function measure(settings: Omit<LoadSettings, 'endpoint'>): Promise<{ load: LoadResult; starts: Map<number, number>; busCpuMs: number }> {
  const directory = await mkdtemp(join(tmpdir(), 'local-bus-latency-'));
  const runner = new StartRecorder();
  const local = await startLocalBus({ services: FIVE_SERVICES, directory, runner });
  try {
    // This process is the bus (the load comes from a child): its CPU time is the bus's cost.
    const cpuBefore = process.cpuUsage();
    const load = await runLoad({ ...settings, endpoint: local.busEndpoint });
    await local.dispatcher.drain();
    const cpu = process.cpuUsage(cpuBefore);
    return { load, starts: runner.starts, busCpuMs: (cpu.user + cpu.system) / 1_000 };
  } finally {
    await local.close();
    await rm(directory, { recursive: true, force: true });
  }
}

function runLoad(settings: LoadSettings): Promise<LoadResult> {
  // The same node and tsx loader as this process (execArgv), in another process.
  const child = spawn(process.execPath, [...process.execArgv, join(__dirname, 'load-generator.ts'), JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load generator exited with ${code}`))));
  });
}

async function latencyAt(perCall: number): Promise<void> {
  const { load, starts } = await measure({ mode: 'rate', rate: RATE, seconds: SECONDS, perCall, producers: 0 });
  const latencies = load.sent.map(([seq, at]) => (starts.get(seq) ?? Number.NaN) - at);
  const started = latencies.filter((l) => !Number.isNaN(l)).sort((a, b) => a - b);
  const offered = load.accepted / ((load.finishedAt - load.startedAt) / 1_000);
  out(
    `latency, ${RATE.toLocaleString('en-US')} events/s offered for ${SECONDS} s, ${perCall} entr${perCall === 1 ? 'y' : 'ies'}/PutEvents ` +
      `(achieved ${fmt(offered)} events/s, ${load.accepted} events): PutEvents sent → function start ` +
      `p50 ${pct(started, 0.5)} ms, p99 ${pct(started, 0.99)} ms, max ${started.at(-1)?.toFixed(1)} ms` +
      `${started.length < latencies.length ? `; ${latencies.length - started.length} never started` : ''}`,
  );
}

async function maxThroughput(producers: number): Promise<void> {
  const { load, starts, busCpuMs } = await measure({ mode: 'max', rate: 0, seconds: MAX_SECONDS, perCall: 10, producers });
  const acceptedPerSecond = load.accepted / ((load.finishedAt - load.startedAt) / 1_000);
  const lastStart = Math.max(...starts.values());
  const dispatchedPerSecond = starts.size / ((lastStart - load.startedAt) / 1_000);
  out(
    `max, ${producers} callers × 10 entries/PutEvents for ${MAX_SECONDS} s: accepted ${fmt(acceptedPerSecond)} events/s, ` +
      `dispatched (function started) ${fmt(dispatchedPerSecond)} events/s (${load.accepted} events, ${starts.size} started); ` +
      `bus CPU ${((busCpuMs * 1_000) / load.accepted).toFixed(0)} µs per event`,
  );
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (sorted: readonly number[], q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  await latencyAt(10);
  await latencyAt(1);
  await maxThroughput(16);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
