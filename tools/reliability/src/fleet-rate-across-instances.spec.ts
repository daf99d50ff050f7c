// Issue #12 asks for a per-fleet rate "enforced by ingest so it holds across many concurrent
// Lambda instances". Here receive-readings runs up to 4 environments, each with its own memory:
// the fleet's bucket lives in ingest's RateLimits table, which every instance updates.
import { callApi } from './api-client';
import { createFleetWithKey } from './fleets';
import { FLEET_BURST_VARIABLE, FLEET_RATE_VARIABLE, withReceiveReadingsVariables } from '@pulse/local-runtime';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

const RATE = 1;
const BURST = 5;
const CONCURRENT = 40;

let under: RuntimeUnderTest;
let key: string;

beforeAll(async () => {
  under = await startRuntimeUnderTest({ services: withReceiveReadingsVariables({ [FLEET_RATE_VARIABLE]: String(RATE), [FLEET_BURST_VARIABLE]: String(BURST) }) });
  key = (await createFleetWithKey(under.runtime, 'reliability-burst', 'ingest')).key;
}, 60_000);

afterAll(async () => {
  await under?.stop();
}, 30_000);

it('a fleet gets its burst (plus what refills meanwhile) however many instances serve it', async () => {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, () =>
      callApi(under.runtime.endpoints.api, '/v1/readings', {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: '{"deviceId":"burst","timestamp":"now","measurements":{}}',
      }),
    ),
  );
  const elapsedSeconds = (Date.now() - started) / 1_000;

  const served = answers.filter((answer) => answer.status !== 429).length;
  expect(under.runtime.runner.stats()['receive-readings']?.workers).toBeGreaterThan(1);
  expect(served).toBeGreaterThanOrEqual(BURST);
  expect(served).toBeLessThanOrEqual(BURST + Math.ceil(elapsedSeconds * RATE));
  // Decided by the shared table, not by a container's fallback bucket.
  expect(under.functionLog.filter(({ line }) => line.includes('rate limiter unavailable'))).toEqual([]);
});
