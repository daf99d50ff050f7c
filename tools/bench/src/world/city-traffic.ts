import type { Reading } from '@pulse/schemas';
import { createCity, gatewayBatches, readingsAt, scenario, type City, type Scenario } from '@pulse/simulator';

/** The simulator's city sized so each zone's gateway sends exactly one batch per tick. */
export interface BenchCity {
  readonly city: City;
  readonly run: Scenario;
  readonly batchSize: number;
}

/**
 * `zones` zones of `batchSize` registered devices each (plus the simulator's one unregistered
 * device, whose readings the bench leaves out). No malformed or duplicate readings, so every
 * reading sent is one reading processed on every hop; an incident from the first tick, so
 * alerts are raised for real.
 */
export function benchCity(zones: number, batchSize: number, startMs: number): BenchCity {
  const city = createCity({ zones, devices: zones * batchSize, seed: 7 });
  const run = scenario('incident', startMs, { faults: { malformed: 0, duplicate: 0 }, incidentDelayMs: 0 });
  return { city, run, batchSize };
}

/** The valid readings of one tick, grouped as the zones' gateways send them. */
export function tickBatches(bench: BenchCity, tick: number): Reading[][] {
  const at = bench.run.startMs + tick * bench.city.intervalMs;
  const valid = readingsAt(bench.city, at, bench.run).filter((r) => r.kind === 'valid');
  return gatewayBatches(valid, bench.batchSize).map((batch) => batch.map((r) => r.body as Reading));
}

/** `count` gateway batches from consecutive ticks starting at `firstTick`; also returns the next free tick. */
export function gatewayBatchesFrom(bench: BenchCity, firstTick: number, count: number): { batches: Reading[][]; nextTick: number } {
  const batches: Reading[][] = [];
  let tick = firstTick;
  while (batches.length < count) batches.push(...tickBatches(bench, tick++));
  return { batches: batches.slice(0, count), nextTick: tick };
}
