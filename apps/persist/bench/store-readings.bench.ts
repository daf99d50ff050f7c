/**
 * persist throughput: `npx nx run persist:bench`.
 *
 * 1. domain: storeBatch with in-memory tables (item building, dedupe, zone statuses, 25-item
 *    packing) on one core — the CPU cost per reading, no I/O.
 * 2. end to end against dynalite in its own process (as the local runtime runs it): the store-readings core with the real
 *    DynamoDB adapters and publisher (PutEvents on a loopback server), batches of 50 from one
 *    zone (what the pipeline sends) and of 200 over 10 zones, one or several invocations in
 *    flight; this process's CPU per 1,000 readings (dynalite's own is not in it).
 * Also prints the write cost per stored reading, from the DynamoDB item-size rules.
 */
import { createPublisher, dynamoDbClient, eventBridgeClient, fixedClock, systemClock } from '@pulse/service-kit';
import { lambdaContext, sampleEvent, startLocalDynamoDb, startPutEventsServer } from '@pulse/service-kit/testing';
import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { enrichedBatch, enrichedReadings, T0 } from '../src/__fixtures__/enriched-readings';
import { inMemoryReadings, inMemoryZoneStatus } from '../src/__fixtures__/in-memory-tables';
import { silentObservability } from '../src/__fixtures__/silent-observability';
import { itemSizeBytes, projectedItem, writeUnits } from '../src/domain/item-size';
import { toReadingItem } from '../src/domain/reading-item';
import { storeBatch } from '../src/domain/store-batch';
import { makeStoreReadings, storePorts } from '../src/handlers/store-readings';
import { BY_ZONE_INCLUDE, READINGS_TABLE, ZONE_STATUS_TABLE } from '../src/tables';

const BATCH = 200;

async function domainThroughput(): Promise<number> {
  const batches = Array.from({ length: 50 }, (_, b) => enrichedBatch(enrichedReadings(BATCH, 50, 8, T0 + b * 60_000)));
  const ports = { readings: inMemoryReadings().writer, zoneStatus: inMemoryZoneStatus().writer, clock: fixedClock(T0) };
  for (const batch of batches) await storeBatch(batch, ports, 30); // warm up the JIT
  let readings = 0;
  const start = performance.now();
  while (performance.now() - start < 1_000) {
    for (const batch of batches) readings += (await storeBatch(batch, ports, 30)).stored.count;
  }
  return readings / ((performance.now() - start) / 1000);
}

interface Scenario {
  readonly batchSize: number;
  readonly zones: number;
  readonly concurrency: number;
}

/** Invocations before measuring: connections open, the SDK's paths compiled by the JIT. */
const WARM_UP = 20;

async function dynaliteThroughput({ batchSize, zones, concurrency }: Scenario, invocations: number) {
  const [db, bus] = await Promise.all([startLocalDynamoDb({ childProcess: true }), startPutEventsServer()]);
  try {
    const tables = await db.createTables([READINGS_TABLE, ZONE_STATUS_TABLE]);
    // One core per invocation in flight, each with its own clients, as each Lambda execution
    // environment has: the production wiring (the kit's clients, minus the tracer).
    const environments = Array.from({ length: concurrency }, () =>
      makeStoreReadings({
        ...silentObservability(),
        ports: storePorts(dynamoDbClient({ endpoint: db.endpoint, env: {} }), { readings: tables.Readings, zoneStatus: tables.ZoneStatus }, systemClock),
        publisher: createPublisher({ client: eventBridgeClient({ endpoint: bus.endpoint }), busName: 'bench' }),
        retentionDays: 30,
      }),
    );
    const template = sampleEvent(ReadingsEnrichedV1);
    const events = Array.from({ length: WARM_UP + invocations }, (_, i) => ({
      ...template,
      detail: { ...template.detail, data: enrichedBatch(enrichedReadings(batchSize, batchSize, zones, T0 + i * 1000).map((r, j) => ({ ...r, deviceId: `dev-${i % 50}-${j}`, readingId: `dev-${i % 50}-${j}@${r.ts}` }))) },
    }));
    for (const [k, event] of events.slice(0, WARM_UP).entries()) await environments[k % concurrency](event, lambdaContext());
    const latencies: number[] = [];
    let next = WARM_UP;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    await Promise.all(
      environments.map(async (core) => {
        while (next < events.length) {
          const event = events[next++];
          const t = performance.now();
          await core(event, lambdaContext());
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const readings = invocations * batchSize;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    // This process's CPU: the handler, the SDK and the loopback PutEvents server; dynalite runs in its own process.
    const cpuMsPer1000 = (cpu.user + cpu.system) / 1000 / (readings / 1000);
    return { readingsPerSecond: readings / seconds, cpuMsPer1000, p50: at(0.5), p99: at(0.99), published: bus.accepted.length };
  } finally {
    await Promise.all([db.close(), bus.close()]);
  }
}

function writeCost() {
  const stamps = { receivedAt: T0, storedAt: T0, retentionDays: 30 };
  const items = enrichedReadings(BATCH, 50, 8).map((r) => ({ ...toReadingItem('city-lyon', r, stamps) }));
  const table = items.map((i) => itemSizeBytes(i));
  const index = items.map((i) => itemSizeBytes(projectedItem(i, ['pk', 'ts', 'zoneKey'], BY_ZONE_INCLUDE)));
  const wrus = items.reduce((sum, _, k) => sum + writeUnits(table[k]) + writeUnits(index[k]), 0);
  const zones = 8;
  return { tableBytes: Math.max(...table), indexBytes: Math.max(...index), perReading: wrus / BATCH, withZoneStatus: (wrus + zones) / BATCH };
}

async function main() {
  const cost = writeCost();
  console.log(`write cost: item ≤ ${cost.tableBytes} B, index entry ≤ ${cost.indexBytes} B → ${cost.perReading} WRU per zoned reading, ${cost.withZoneStatus.toFixed(3)} with ZoneStatus (8 zones / 200)`);
  const domain = await domainThroughput();
  console.log(`domain storeBatch (in-memory tables, one core): ${Math.round(domain).toLocaleString('en')} readings/s (${(1e6 / domain).toFixed(1)} CPU ms per 1,000)`);
  // Batches of 50 from one zone are what the pipeline sends (one zone gateway's batch); 200
  // readings over 10 zones is the bigger case.
  const scenarios: Scenario[] = [
    { batchSize: 50, zones: 1, concurrency: 1 },
    { batchSize: 50, zones: 1, concurrency: 4 },
    { batchSize: BATCH, zones: 10, concurrency: 1 },
    { batchSize: BATCH, zones: 10, concurrency: 4 },
    { batchSize: BATCH, zones: 10, concurrency: 8 },
  ];
  for (const scenario of scenarios) {
    const { batchSize, zones, concurrency } = scenario;
    const r = await dynaliteThroughput(scenario, ((concurrency === 1 ? 25 : 40) * BATCH) / batchSize);
    console.log(
      `dynalite, batches of ${batchSize} in ${zones} zone(s), ${concurrency} in flight: ${Math.round(r.readingsPerSecond).toLocaleString('en')} readings/s stored, ${r.cpuMsPer1000.toFixed(0)} CPU ms per 1,000 readings (invocation p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.published} ReadingsStored)`,
    );
  }
}

void main();
