/**
 * persist throughput: `npx nx run persist:bench`.
 *
 * 1. domain: storeBatch with in-memory tables (item building, dedupe, zone statuses, 25-item
 *    packing) on one core — the CPU cost per reading, no I/O.
 * 2. end to end against dynalite in its own process (as the local runtime runs it): the store-readings core with the real
 *    DynamoDB adapters and publisher (PutEvents on a loopback server), batches of 200
 *    enriched readings, several invocations in flight.
 * Also prints the write cost per stored reading, from the DynamoDB item-size rules.
 */
import { createPublisher, eventBridgeClient, fixedClock, systemClock } from '@pulse/service-kit';
import { lambdaContext, sampleEvent, startLocalDynamoDb, startPutEventsServer } from '@pulse/service-kit/testing';
import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { enrichedBatch, enrichedReadings, T0 } from '../src/__fixtures__/enriched-readings';
import { inMemoryReadings, inMemoryZoneStatus } from '../src/__fixtures__/in-memory-tables';
import { silentObservability } from '../src/__fixtures__/silent-observability';
import { readingsTable } from '../src/adapters/readings-table';
import { zoneStatusTable } from '../src/adapters/zone-status-table';
import { itemSizeBytes, projectedItem, writeUnits } from '../src/domain/item-size';
import { toReadingItem } from '../src/domain/reading-item';
import { storeBatch } from '../src/domain/store-batch';
import { makeStoreReadings } from '../src/handlers/store-readings';
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

async function dynaliteThroughput(invocations: number, concurrency: number) {
  const [db, bus] = await Promise.all([startLocalDynamoDb({ childProcess: true }), startPutEventsServer()]);
  try {
    const tables = await db.createTables([READINGS_TABLE, ZONE_STATUS_TABLE]);
    const core = makeStoreReadings({
      ...silentObservability(),
      ports: { readings: readingsTable(db.documentClient, tables.Readings), zoneStatus: zoneStatusTable(db.documentClient, tables.ZoneStatus), clock: systemClock },
      publisher: createPublisher({ client: eventBridgeClient({ endpoint: bus.endpoint }), busName: 'bench' }),
      retentionDays: 30,
    });
    const template = sampleEvent(ReadingsEnrichedV1);
    const events = Array.from({ length: invocations }, (_, i) => ({
      ...template,
      detail: { ...template.detail, data: enrichedBatch(enrichedReadings(BATCH, 200, 10, T0 + i * 1000).map((r, j) => ({ ...r, deviceId: `dev-${i % 50}-${j}`, readingId: `dev-${i % 50}-${j}@${r.ts}` }))) },
    }));
    await core(events[0], lambdaContext()); // warm up connections and the JIT
    const latencies: number[] = [];
    let next = 1;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < events.length) {
          const event = events[next++];
          const t = performance.now();
          await core(event, lambdaContext());
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { readingsPerSecond: ((events.length - 1) * BATCH) / seconds, p50: at(0.5), p99: at(0.99), published: bus.accepted.length };
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
  console.log(`domain storeBatch (in-memory tables, one core): ${Math.round(domain).toLocaleString('en')} readings/s`);
  for (const concurrency of [1, 4, 8]) {
    const r = await dynaliteThroughput(concurrency === 1 ? 16 : 41, concurrency);
    console.log(
      `dynalite, batches of ${BATCH}, ${concurrency} in flight: ${Math.round(r.readingsPerSecond).toLocaleString('en')} readings/s stored (invocation p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.published} ReadingsStored)`,
    );
  }
}

void main();
