// Micro-benchmark: the HTTP handler core (POST /v1/readings) on one core, 100-reading requests.
// In-process fakes stand in for the network: device ownership answers from memory, and the
// kit's real publisher (validation, entry sizing, packing) talks to a PutEvents client that
// accepts every entry without I/O. What is measured: parse, per-reading checks, ownership
// bookkeeping, event building, contract validation before publishing, JSON serialisation.
import type { PutEventsCommand, PutEventsCommandOutput } from '@aws-sdk/client-eventbridge';
import { createPublisher, type ApiKeyAuthorizerContext } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, sequentialIds } from '@pulse/service-kit/testing';
import { readingsSink } from '../src/adapters/bus-publishing';
import { createFleetRateLimiter } from '../src/domain/fleet-rate-limiter';
import { makeReceiveReadings } from '../src/handlers/receive-readings';
import { fakeOwnership, recordingLogger, recordingMetrics } from '../src/testing/fakes';

const READINGS_PER_REQUEST = 100;
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const devices = Array.from({ length: 50 }, (_, i) => `sensor-${String(i).padStart(4, '0')}`);
const now = Date.now();
const clock = { now: () => now };

const client = {
  async send(command: PutEventsCommand): Promise<PutEventsCommandOutput> {
    const entries = command.input.Entries ?? [];
    return { FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `e-${i}` })), $metadata: {} };
  },
};

const receive = makeReceiveReadings({
  clock,
  ids: sequentialIds('bench'),
  ownership: fakeOwnership({ 'city-bench': devices }),
  sink: readingsSink(createPublisher({ client, busName: 'bench', source: 'pulse.ingest', clock })),
  limiter: createFleetRateLimiter({ ratePerSecond: 1e9, burst: 1e9 }, clock),
  retryAfterSeconds: 5,
  metrics: recordingMetrics(),
  logger: recordingLogger(),
});

const body = {
  readings: Array.from({ length: READINGS_PER_REQUEST }, (_, i) => ({
    deviceId: devices[i % devices.length],
    timestamp: new Date(now - i * 1000).toISOString(),
    measurements: { pm25: 10 + (i % 17), pm10: 22.5, o3: 31, no2: 12, temperature: 19.5, humidity: 48 },
  })),
};
const event = httpApiEvent<ApiKeyAuthorizerContext>({ method: 'POST', path: '/v1/readings', body, authorizerContext: { fleetId: 'city-bench', role: 'ingest' } });
const context = lambdaContext();

async function main(): Promise<void> {
  for (let i = 0; i < 200; i++) await receive(event, context); // warm-up (JIT, validator compilation)
  let requests = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    const response = await receive(event, context);
    if (response.statusCode !== 202) throw new Error(`unexpected ${response.statusCode}: ${response.body}`);
    requests += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = (requests * READINGS_PER_REQUEST) / seconds;
  console.log(`ingest receive-readings: ${requests} requests of ${READINGS_PER_REQUEST} readings in ${seconds.toFixed(2)} s`);
  console.log(`  ${Math.round(perSecond).toLocaleString('en-US')} readings/s, ${Math.round(requests / seconds).toLocaleString('en-US')} requests/s on one core`);
}

void main();
