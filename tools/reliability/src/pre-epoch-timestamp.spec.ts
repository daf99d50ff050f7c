// A well-formed ISO-8601 time before 1970 is refused as too old (rule timestampWindow), not as malformed.
import { callApi } from './api-client';
import { registerDevices } from './devices';
import type { PulseErrorBody } from './error-body';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

let under: RuntimeUnderTest;

beforeAll(async () => {
  under = await startRuntimeUnderTest();
  await registerDevices(under.runtime.endpoints.api, under.runtime.endpoints.apiKey, ['old-1']);
}, 60_000);

afterAll(async () => {
  await under?.stop();
}, 30_000);

it.each(['1969-12-31T23:59:59.998Z', '1900-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00'])('%s is refused as outside the window, rule timestampWindow', async (timestamp) => {
  const answer = await callApi(under.runtime.endpoints.api, '/v1/readings', {
    method: 'POST',
    headers: { 'x-api-key': under.runtime.endpoints.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: 'old-1', timestamp, measurements: { pm25: 3 } }),
  });

  expect(answer.status).toBe(400);
  expect((answer.body as PulseErrorBody).errors).toEqual([expect.objectContaining({ path: 'readings[0].timestamp', rule: 'timestampWindow' })]);
});
