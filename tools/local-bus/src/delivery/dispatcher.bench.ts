/**
 * Deliveries per second through the dispatcher with a no-op target and the journal on disk
 * (every enqueue fsync'd, every delivery acknowledged). Producers call `enqueue` concurrently
 * in PutEvents-sized batches of 10, as the API server does.
 * Run: npx nx run local-bus:bench
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetInvoker } from '../model';
import { createDispatcher } from './dispatcher';
import { delivery } from './__fixtures__/deliveries';

const TOTAL = Number(process.env['BENCH_DELIVERIES'] ?? 20_000);
const BATCH = 10;
const PRODUCERS = 32;

const noop: TargetInvoker = {
  invokeFunction: async () => undefined,
  sendToQueue: async () => undefined,
  callApiDestination: async () => undefined,
};

async function run(label: string, directory: string | undefined): Promise<void> {
  const dispatcher = createDispatcher({ ...(directory ? { directory } : {}), invoker: noop });
  await dispatcher.start();
  const batches = Array.from({ length: TOTAL / BATCH }, (_, b) =>
    Array.from({ length: BATCH }, (_, i) => delivery(`bench-${b * BATCH + i}`)),
  );
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) await dispatcher.enqueue(batch);
    }),
  );
  const accepted = process.hrtime.bigint();
  await dispatcher.drain();
  const done = process.hrtime.bigint();
  await dispatcher.close();
  const seconds = (from: bigint, to: bigint) => Number(to - from) / 1e9;
  const rate = (s: number) => Math.round(TOTAL / s).toLocaleString('en-US');
  process.stdout.write(
    `${label}: ${TOTAL} deliveries; accepted (enqueue resolved) ${rate(seconds(started, accepted))}/s; ` +
      `delivered and acknowledged ${rate(seconds(started, done))}/s end to end (${seconds(started, done).toFixed(2)} s)\n`,
  );
}

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'local-bus-bench-'));
  try {
    await run('journal on disk', directory);
    await run('in memory      ', undefined);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

void main();
