/**
 * Overhead of the runner itself: an empty handler, invoked warm, sequentially (latency) and
 * with several environments in parallel (throughput). Run with `nx run function-runner:bench`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFunctionRunner, type FunctionRunner } from '../src/index';

const SEQUENTIAL = 5_000;
const PARALLEL = 20_000;
const CONCURRENCY = 4;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function sequential(runner: FunctionRunner): Promise<void> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const t0 = performance.now();
    await runner.invoke('empty', { i }, { mode: 'async' });
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `sequential: ${SEQUENTIAL} invocations, ${Math.round(SEQUENTIAL / seconds)} inv/s, ` +
      `overhead p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms`,
  );
}

async function parallel(runner: FunctionRunner): Promise<void> {
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => runner.invoke('empty', { i }, { mode: 'async' })));
  const seconds = (performance.now() - started) / 1000;
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  console.log(`parallel: ${PARALLEL} invocations queued at once over ${CONCURRENCY} workers, ${Math.round(PARALLEL / seconds)} inv/s, ${failed} failed`);
}

async function main(): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'function-runner-bench-'));
  const bundlePath = path.join(directory, 'index.js');
  writeFileSync(bundlePath, 'exports.handler = async () => undefined;');
  const runner = createFunctionRunner({
    functions: [{ name: 'empty', service: 'bench', bundlePath, handlerExport: 'handler', timeoutSeconds: 30, memoryMb: 128, reservedConcurrency: CONCURRENCY, environment: {} }],
  });
  try {
    const coldStarted = performance.now();
    await runner.invoke('empty', {}, { mode: 'sync' });
    console.log(`cold start (worker + empty bundle): ${(performance.now() - coldStarted).toFixed(1)} ms`);
    for (let i = 0; i < 500; i += 1) await runner.invoke('empty', {}, { mode: 'async' });
    await sequential(runner);
    await parallel(runner);
    const stats = runner.stats()['empty'];
    console.log(`runner stats: p50 ${stats.p50DurationMs.toFixed(3)} ms, p99 ${stats.p99DurationMs.toFixed(3)} ms (dispatch → result, last 1000)`);
  } finally {
    await runner.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

void main();
