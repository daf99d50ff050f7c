/**
 * Alert state machine throughput on one core: `npx nx run alert:bench`
 * (or `npx tsx apps/alert/bench/evaluate.bench.ts`). Measures the pure domain — grouping a
 * 200-reading ReadingsEnriched batch by zone and evaluating each zone — without I/O.
 */
import type { EnrichedReading } from '@pulse/schemas';
import { parseAlertRules } from '../src/domain/alert-rules';
import { evaluateZone } from '../src/domain/evaluate-zone';
import { readingsByZone } from '../src/domain/zone-readings';
import { initialZoneState, type ZoneState } from '../src/domain/zone-state';
import { MINUTE, T0, categoryOf } from '../src/testing/zone-readings';

const BATCH = 200;
const ZONES = 20;
const rules = parseAlertRules({});

function reading(i: number, aqi: number): EnrichedReading {
  const deviceId = `sensor-${i % 400}`;
  const ts = T0 + Math.floor(i / 2) * 1_000;
  return {
    readingId: `${deviceId}@${ts}`,
    deviceId,
    ts,
    registered: true,
    zoneId: `zone-${i % ZONES}`,
    location: { lat: 45.75, lon: 4.83 },
    measurements: { pm25: 20, pm10: 30 },
    aqi: { value: aqi, category: categoryOf(aqi), dominant: 'pm25', subIndices: { pm25: aqi, pm10: 20 } },
    quality: [],
  };
}

/** Clean air, a smoky episode (raises, sustains) and mixed air (flapping, resolving). */
const scenarios: Record<string, (i: number) => number> = {
  clean: () => 42,
  unhealthy: (i) => 120 + (i % 60),
  mixed: (i) => (i % 3 === 0 ? 130 : 60),
};

function measure(label: string, run: () => number): void {
  const deadline = (ms: number) => process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  for (const end = deadline(300); process.hrtime.bigint() < end; ) run(); // warm up the JIT
  let readings = 0;
  const start = process.hrtime.bigint();
  for (const end = deadline(1_000); process.hrtime.bigint() < end; ) readings += run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(36)} ${Math.round(readings / seconds).toLocaleString('en-US').padStart(12)} readings/s`);
}

for (const [name, aqiOf] of Object.entries(scenarios)) {
  const batches = Array.from({ length: 50 }, (_, b) => Array.from({ length: BATCH }, (_, i) => reading(b * BATCH + i, aqiOf(b * BATCH + i))));
  // Zone states carried from batch to batch, as AlertState would hold them.
  const states = new Map<string, ZoneState>();
  let next = 0;
  let now = T0;
  measure(`evaluate ${BATCH}-reading batch, ${name}`, () => {
    // Replaying the 50 batches from fresh states keeps reading time moving forward.
    if (next % batches.length === 0) states.clear();
    const batch = batches[next++ % batches.length];
    now += MINUTE;
    for (const [zoneId, readings] of readingsByZone(batch)) {
      const state = states.get(zoneId) ?? initialZoneState('city-lyon', zoneId);
      const { state: evaluated, changed } = evaluateZone(state, readings, { rules, now, owner: 'bench', leaseMs: 60_000 });
      // Publishing empties the outbox; keep the state small as in production.
      states.set(zoneId, changed ? { ...evaluated, outbox: [], version: evaluated.version + 1 } : evaluated);
    }
    return BATCH;
  });
}
