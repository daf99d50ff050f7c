/**
 * Enrich domain throughput on one core: `npx nx run enrich:bench`
 * (or `npx tsx apps/enrich/bench/enrich.bench.ts`). Batches of 200 readings from 150
 * devices (1 in 10 unknown), device cache warm as in a busy container; the second line adds
 * what the handler does around the domain without I/O (validate in, validate out).
 */
import { MAX_READINGS_PER_EVENT, ReadingsEnrichedV1, ReadingsNormalizedV1, readingId, type NormalizedReading } from '@pulse/schemas';
import { systemClock } from '@pulse/service-kit';
import { InMemoryDeviceStore } from '../src/adapters/in-memory-device-store';
import { cachedDeviceLookup } from '../src/domain/cached-device-lookup';
import type { ActiveDevice, DeviceRecord } from '../src/domain/device';
import { enrichBatch } from '../src/domain/enrich-batch';
import { TtlCache } from '../src/domain/ttl-cache';

const T0 = 1_714_564_800_000;
const DEVICES = 150;

const devices: ActiveDevice[] = Array.from({ length: DEVICES }, (_, i) => ({
  status: 'active',
  fleetId: 'city-lyon',
  deviceId: `sensor-${i}`,
  revision: 1,
  zoneId: `zone-${i % 12}`,
  location: { lat: 45.75 + i / 1000, lon: 4.83 },
  model: 'Acme AQ-200',
  calibration: { pm25: { gain: 1.05, offset: 0.08 }, pm10: { gain: 0.98, offset: 0 }, o3: { gain: 1, offset: -1 }, temperature: { gain: 1, offset: -0.4 }, humidity: { gain: 1, offset: 2 } },
  installedAt: T0 - 86_400_000,
}));

function reading(i: number): NormalizedReading {
  const deviceId = i % 10 === 9 ? `unknown-${i % 7}` : `sensor-${i % DEVICES}`;
  return {
    readingId: readingId(deviceId, T0 + i),
    deviceId,
    ts: T0 + i,
    measurements: { pm25: 5 + (i % 300), pm10: 20 + (i % 400), o3: i % 250, no2: i % 90, temperature: 18.5, humidity: 54 },
    quality: [],
  };
}

const batches = Array.from({ length: 10 }, (_, b) => ({
  fleetId: 'city-lyon',
  receivedAt: T0 + 1000,
  duplicatesRemoved: 0,
  readings: Array.from({ length: MAX_READINGS_PER_EVENT }, (_, i) => reading(b * MAX_READINGS_PER_EVENT + i)),
}));
const details = batches.map((data) => ({ metadata: ReadingsNormalizedV1.sample.detail.metadata, data }));

const lookup = cachedDeviceLookup({
  store: new InMemoryDeviceStore(devices as DeviceRecord[]),
  cache: new TtlCache<DeviceRecord | null>({ clock: systemClock, maxEntries: 10_000 }),
  ttlMs: 3_600_000,
  negativeTtlMs: 3_600_000,
});

async function measure(label: string, run: (i: number) => Promise<void>): Promise<number> {
  const deadline = (ms: number) => process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  let i = 0;
  for (const end = deadline(500); process.hrtime.bigint() < end; ) await run(i++); // warm up the JIT and the cache
  let calls = 0;
  const start = process.hrtime.bigint();
  for (const end = deadline(2_000); process.hrtime.bigint() < end; calls++) await run(calls);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = (calls * MAX_READINGS_PER_EVENT) / seconds;
  process.stdout.write(`${label.padEnd(52)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} readings/s\n`);
  return perSecond;
}

async function main(): Promise<void> {
  await measure('enrichBatch (calibration + AQI, cache warm)', async (i) => {
    await enrichBatch(batches[i % batches.length] as (typeof batches)[number], lookup);
  });
  await measure('validate → enrichBatch → validate (handler, no I/O)', async (i) => {
    const parsed = ReadingsNormalizedV1.validate(details[i % details.length]);
    if (!parsed.ok) throw new Error('fixture invalid');
    const { data } = await enrichBatch(parsed.value.data, lookup);
    if (!ReadingsEnrichedV1.validate({ metadata: parsed.value.metadata, data }).ok) throw new Error('output invalid');
  });
}

void main();
