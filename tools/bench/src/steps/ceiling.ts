import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FIVE_SERVICES } from '@pulse/local-bus';
import { LatencyRecorder, type LatencySummary } from '../harness/latency';
import { repeat } from '../harness/repeat';
import { summarize } from '../harness/stats';
import type { Step, StepContext, StepResult } from '../harness/step';
import { dynamoItemBytes } from '../measure/dynamodb-item-size';
import { fmt, spread, table } from '../report/markdown-format';
import { benchCity } from '../world/city-traffic';
import { startLocalDynamoDb } from '@pulse/service-kit/testing';
import { readingItems } from './reading-items';
import { declaredTable } from './stored-items';

export const CEILING_STEP_ID = 'ceiling';

/** BatchWriteItem's limit, and persist's batch. */
const BATCH = 25;
/** Calls in flight: persist's parallel chunks of a batch, times a few warm containers. */
export const CEILING_CONCURRENCY = 8;

export interface CeilingDetail {
  readonly itemsPerRun: number;
  readonly concurrency: number;
  readonly batch: number;
  readonly itemBytes: number;
  readonly callLatency: LatencySummary;
}

/**
 * Step 1: the local physical limit for stored readings — dynalite (in its own process) taking
 * BatchWriteItem calls of 25 reading-shaped items, 8 in flight, into the Readings table with
 * its byZone index, created from persist's declaration. Items/s per run.
 */
export function ceilingStep(): Step {
  return { id: CEILING_STEP_ID, order: 1, title: 'Ceiling: dynalite BatchWriteItem throughput', run: runCeiling };
}

async function runCeiling(context: StepContext): Promise<StepResult> {
  const plan = context.options.quick ? { warmup: 1, runs: 3, items: 3_000 } : { warmup: 1, runs: 5, items: 10_000 };
  const dynamo = await startLocalDynamoDb({ childProcess: true });
  try {
    const tables = await dynamo.createTables([declaredTable(FIVE_SERVICES, 'persist', 'Readings')]);
    const bench = benchCity(4, 50, Date.now() - 2 * 86_400_000);
    const latency = new LatencyRecorder();
    let itemBytes = 0;
    const runs = await repeat(context, 'BatchWriteItem', plan, async (run) => {
      // Fresh keys every run: each run writes new items, as persist writes new readings.
      const items = readingItems(bench, 'bench-ceiling', plan.items, run * 1000);
      itemBytes = items.reduce((sum, item) => sum + dynamoItemBytes(item), 0) / items.length;
      const started = performance.now();
      const written = await writeAll(dynamo.documentClient, tables['Readings'], items, run >= plan.warmup ? latency : undefined);
      const seconds = (performance.now() - started) / 1000;
      if (written !== items.length) throw new Error(`wrote ${written} of ${items.length} items`);
      return { itemsPerSecond: written / seconds, written };
    });
    const stats = summarize(runs.map((r) => r.itemsPerSecond));
    const detail: CeilingDetail = { itemsPerRun: plan.items, concurrency: CEILING_CONCURRENCY, batch: BATCH, itemBytes, callLatency: latency.summary() };
    return {
      figures: [{ name: 'items-per-second', unit: 'items/s', stats, counts: { itemsPerRun: plan.items, written: runs.reduce((sum, r) => sum + r.written, 0), runs: runs.length } }],
      markdown: [
        `dynalite in its own process; the client (this process) writes ${fmt(plan.items, 0)} items per run to the Readings table (byZone index, from persist's declaration) in BatchWriteItem calls of ${BATCH}, ${CEILING_CONCURRENCY} in flight. Items average ${fmt(itemBytes, 0)} bytes (DynamoDB's size rules).`,
        '',
        table(
          ['figure', 'value'],
          [
            ['items/s', spread(stats, 0)],
            ['BatchWriteItem call p50 / p99 / max', `${fmt(detail.callLatency.p50Ms, 1)} / ${fmt(detail.callLatency.p99Ms, 1)} / ${fmt(detail.callLatency.maxMs, 1)} ms (${detail.callLatency.count} calls)`],
          ],
        ),
      ].join('\n'),
      detail,
    };
  } finally {
    await dynamo.close();
  }
}

/** Writes every item in calls of 25, `CEILING_CONCURRENCY` calls in flight, resending what comes back unprocessed. */
async function writeAll(client: DynamoDBDocumentClient, table: string, items: readonly Record<string, unknown>[], latency?: LatencyRecorder): Promise<number> {
  const queue: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH) queue.push(items.slice(i, i + BATCH));
  let written = 0;
  const worker = async () => {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
      const started = performance.now();
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: chunk.map((Item) => ({ PutRequest: { Item } })) } }));
      latency?.record(performance.now() - started);
      const unprocessed = (result.UnprocessedItems?.[table] ?? []).map((r) => r.PutRequest?.Item as Record<string, unknown>);
      written += chunk.length - unprocessed.length;
      if (unprocessed.length > 0) queue.push(unprocessed);
    }
  };
  await Promise.all(Array.from({ length: CEILING_CONCURRENCY }, worker));
  return written;
}
