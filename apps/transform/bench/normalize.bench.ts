/**
 * Transform's domain throughput on one core: `npx nx run transform:bench`
 * (or `npx tsx apps/transform/bench/normalize.bench.ts`). Full 200-reading batches from 20
 * devices, a third with declared non-canonical units and a few exact duplicates, so every
 * path runs: time parsing, conversions, per-reading rules, sudden-jump and sequence checks.
 */
import { ReadingsNormalizedV1, ReadingsReceivedV1, type ReadingsReceivedV1Data, type ReceivedReading } from '@pulse/schemas';
import { normalizeBatch } from '../src/domain/normalize-batch';

const MIN_READINGS_PER_SECOND = 100_000;
const T0 = 1_714_564_800_000;
const metadata = { version: 1, batchId: 'bench-1', correlationId: 'bench-1', producedAt: '2024-05-01T12:00:01Z' };

function reading(i: number): ReceivedReading {
  const deviceId = `sensor-${i % 20}`;
  const ts = T0 + Math.floor(i / 20) * 60_000;
  const declared = i % 3 === 0;
  return {
    readingId: `${deviceId}@${ts}`,
    deviceId,
    timestamp: i % 2 === 0 ? new Date(ts).toISOString() : ts,
    measurements: declared
      ? { pm25: 12.4 + (i % 7), o3: 0.041, no2: 33 + (i % 5), co: 460, temperature: 65.3, humidity: 54 }
      : { pm25: 12.4 + (i % 7), pm10: 20.1, o3: 41, no2: 17, temperature: 18.5, humidity: 54 },
    ...(declared ? { units: { o3: 'ppm' as const, no2: 'ugm3' as const, co: 'ugm3' as const, temperature: 'F' as const } } : {}),
    sequence: Math.floor(i / 20),
  };
}

const readings = Array.from({ length: 196 }, (_, i) => reading(i));
const batch: ReadingsReceivedV1Data = {
  fleetId: 'city-lyon',
  channel: 'http',
  receivedAt: T0 + 600_000,
  readings: [...readings, readings[3], readings[50], readings[99], readings[150]],
};
const event = { metadata, data: batch };

function measure(label: string, run: () => void): number {
  const deadline = (ms: number) => process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  for (const end = deadline(300); process.hrtime.bigint() < end; ) run(); // warm up the JIT
  let calls = 0;
  const start = process.hrtime.bigint();
  for (const end = deadline(1_000); process.hrtime.bigint() < end; calls++) run();
  const perSecond = (calls * batch.readings.length) / (Number(process.hrtime.bigint() - start) / 1e9);
  process.stdout.write(`${label.padEnd(52)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} readings/s\n`);
  return perSecond;
}

if (!ReadingsReceivedV1.validate(event).ok) throw new Error('bench batch is not a valid ReadingsReceived');

const domain = measure('normalizeBatch (200 readings, 4 duplicates)', () => {
  normalizeBatch(batch);
});
measure('validate in + normalizeBatch + validate out', () => {
  const parsed = ReadingsReceivedV1.validate(event);
  if (!parsed.ok) throw new Error('invalid');
  const { data } = normalizeBatch(parsed.value.data);
  if (!ReadingsNormalizedV1.validate({ metadata, data }).ok) throw new Error('invalid output');
});

if (domain < MIN_READINGS_PER_SECOND) {
  process.stderr.write(`transform bench: ${Math.round(domain)} readings/s is below ${MIN_READINGS_PER_SECOND}\n`);
  process.exit(1);
}
