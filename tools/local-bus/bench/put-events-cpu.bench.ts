/**
 * The bus's own cost per PutEvents, without HTTP or a load generator sharing the cores, with
 * pipeline-sized events, the archive and the journal on disk, every delivery to a no-op target
 * and acknowledged:
 *  1. CPU per accepted event, 16 callers × 10 entries. CPU time (user + system) is far steadier
 *     than throughput on a shared machine, so it is what to compare;
 *  2. one caller, one call at a time: how long PutEvents takes to answer (its fsyncs).
 * Run: npx tsx --tsconfig tools/local-bus/tsconfig.json tools/local-bus/bench/put-events-cpu.bench.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadingsEnrichedV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { ArchiveRegistry } from '../src/api/archive-registry';
import type { BusContext } from '../src/api/bus-context';
import { defaultIdentities } from '../src/api/identity';
import { putEvents } from '../src/api/put-events';
import { createFileArchive } from '../src/archive/file-archive';
import { createDispatcher } from '../src/delivery/dispatcher';
import { FIVE_SERVICES } from '../src/five-services';
import type { TargetInvoker } from '../src/model';
import { declarationRules } from '../src/rules/declaration-rules';
import { RuleStore } from '../src/rules/rule-store';
import { DEFAULT_BUS_NAME } from '../src/server';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 2_000);
const CALLERS = 16;
const SEQUENTIAL_CALLS = 300;
const READINGS_PER_EVENT = 100;
const scope = { region: 'us-east-1', accountId: '000000000000' };
const noop: TargetInvoker = { invokeFunction: async () => undefined, sendToQueue: async () => undefined, callApiDestination: async () => undefined };

/** A batch of readings as the services publish them (~20 KB); ReadingsEnriched goes to two rules (persist, alert). */
function entry(contract: typeof ReadingsReceivedV1 | typeof ReadingsEnrichedV1, n: number) {
  const readings = Array.from({ length: READINGS_PER_EVENT }, (_, i) => ({
    readingId: `device-${i}@${1_800_000_000_000 + n}`,
    deviceId: `device-${i}`,
    timestamp: 1_800_000_000_000 + n,
    measurements: { pm25: 12.5 + i, pm10: 20 + i, o3: 31, no2: 12, temperature: 21.5, humidity: 48 },
  }));
  const detail = { metadata: { version: 1, batchId: `b-${n}`, correlationId: `c-${n}`, producedAt: 1_800_000_000_000 }, data: { fleetId: 'default', readings } };
  return { Source: contract.source, DetailType: contract.detailType, Detail: JSON.stringify(detail), EventBusName: DEFAULT_BUS_NAME };
}

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'local-bus-cpu-'));
  const archive = createFileArchive({ directory: join(directory, 'archive') });
  const dispatcher = createDispatcher({ directory: join(directory, 'journal'), invoker: noop });
  await dispatcher.start();
  const rules = new RuleStore();
  for (const rule of declarationRules(FIVE_SERVICES, DEFAULT_BUS_NAME, scope)) rules.put(rule);
  const archives = new ArchiveRegistry();
  archives.add({ name: 'all', arn: 'arn:all', eventSourceArn: 'arn:bus', busName: DEFAULT_BUS_NAME, retentionDays: 0, createdAt: new Date() });
  const ctx: BusContext = {
    scope,
    buses: new Map([[DEFAULT_BUS_NAME, new Date()]]),
    rules,
    identities: defaultIdentities(),
    dispatcher,
    archive,
    archives,
    replay: async () => undefined,
    now: () => new Date(),
  };
  // Parsed requests, as the wire layer hands them over: the cost measured is the bus's, not the fixture's.
  const inputs = Array.from({ length: CALLS }, (_, call) => ({
    Entries: Array.from({ length: 10 }, (_, i) => entry(i % 2 === 0 ? ReadingsReceivedV1 : ReadingsEnrichedV1, call * 10 + i)),
  }));
  try {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        for (let input = inputs[next++]; input !== undefined; input = inputs[next++]) await putEvents(input, ctx, { accessKeyId: undefined });
      }),
    );
    await dispatcher.drain();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const events = CALLS * 10;
    process.stdout.write(
      `PutEvents, ${events.toLocaleString('en-US')} events of ${READINGS_PER_EVENT} readings (${dispatcher.stats().delivered.toLocaleString('en-US')} deliveries): ` +
        `CPU ${((cpu.user + cpu.system) / events).toFixed(0)} µs per event (user ${(cpu.user / events).toFixed(0)}, system ${(cpu.system / events).toFixed(0)}); ` +
        `${Math.round(events / seconds).toLocaleString('en-US')} events/s accepted and delivered\n`,
    );
    const answers: number[] = [];
    for (const input of inputs.slice(0, SEQUENTIAL_CALLS)) {
      const sent = performance.now();
      await putEvents(input, ctx, { accessKeyId: undefined });
      answers.push(performance.now() - sent);
    }
    answers.sort((a, b) => a - b);
    const at = (q: number) => (answers[Math.min(answers.length - 1, Math.floor(q * answers.length))] ?? Number.NaN).toFixed(2);
    process.stdout.write(`PutEvents one at a time, ${SEQUENTIAL_CALLS} calls × 10 entries: answered in p50 ${at(0.5)} ms, p90 ${at(0.9)} ms\n`);
  } finally {
    await dispatcher.close();
    await archive.close();
    await rm(directory, { recursive: true, force: true });
  }
}

void main();
