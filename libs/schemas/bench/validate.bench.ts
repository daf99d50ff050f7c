/**
 * Validator throughput on one core: `npx nx run schemas:bench`
 * (or `npx tsx libs/schemas/bench/validate.bench.ts`). Validators run at every hop, so
 * below 300k readings/s they would show up in the 500 ms end-to-end budget.
 */
import { ReadingsReceivedV1 } from '../src/events/readings-received/v1';
import { ReadingsEnrichedV1 } from '../src/events/readings-enriched/v1';
import { validateReading } from '../src/reading';
import { readingId } from '../src/reading-id';

const MIN_READINGS_PER_SECOND = 300_000;
const T0 = 1_714_564_800_000;

function reading(i: number) {
  return {
    deviceId: `sensor-${i % 1000}`,
    timestamp: i % 2 === 0 ? new Date(T0 + i).toISOString() : T0 + i,
    measurements: { pm25: 12.4 + i / 100, pm10: 20.1, o3: 31, temperature: 18.5, humidity: 54 },
    sequence: i,
  };
}

function measure(label: string, readingsPerCall: number, run: () => boolean): number {
  const deadline = (ms: number) => process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  for (const end = deadline(300); process.hrtime.bigint() < end; ) run(); // warm up the JIT
  let calls = 0;
  const start = process.hrtime.bigint();
  for (const end = deadline(1_000); process.hrtime.bigint() < end; calls++) {
    if (!run()) throw new Error(`${label}: fixture unexpectedly invalid`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = (calls * readingsPerCall) / seconds;
  process.stdout.write(`${label.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} readings/s\n`);
  return perSecond;
}

const single = Array.from({ length: 1000 }, (_, i) => reading(i));
let next = 0;
const received = {
  metadata: { version: 1, batchId: 'b-1', correlationId: 'c-1', producedAt: '2024-05-01T12:00:01Z' },
  data: {
    fleetId: 'city-lyon',
    channel: 'http',
    receivedAt: T0 + 1_000,
    readings: single.slice(0, 100).map((r, i) => ({ readingId: readingId(r.deviceId, T0 + i), ...r })),
  },
};
const enriched = {
  metadata: received.metadata,
  data: {
    fleetId: 'city-lyon',
    receivedAt: T0 + 1_000,
    readings: single.slice(0, 100).map((r, i) => ({
      readingId: readingId(r.deviceId, T0 + i),
      deviceId: r.deviceId,
      ts: T0 + i,
      registered: true,
      zoneId: 'presquile',
      location: { lat: 45.7578, lon: 4.832 },
      measurements: r.measurements,
      aqi: { value: 59, category: 'Moderate', dominant: 'pm25', subIndices: { pm25: 59, pm10: 19, o3: 28 } },
      quality: [],
    })),
  },
};

const results = [
  measure('Reading (validateReading, one at a time)', 1, () => validateReading(single[next++ % 1000]).ok),
  measure('ReadingsReceived v1 detail, 100 readings', 100, () => ReadingsReceivedV1.validate(received).ok),
  measure('ReadingsEnriched v1 detail, 100 readings', 100, () => ReadingsEnrichedV1.validate(enriched).ok),
];
if (results.some((r) => r < MIN_READINGS_PER_SECOND)) {
  process.stderr.write(`slower than ${MIN_READINGS_PER_SECOND.toLocaleString('en-US')} readings/s\n`);
  process.exit(1);
}
