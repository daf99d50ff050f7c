import { callApi, type ApiAnswer } from './api-client';
import { isPulseErrorBody } from './error-body';
import { createFleetWithKey } from './fleets';
import { FLEET_BURST_VARIABLE, FLEET_RATE_VARIABLE, withReceiveReadingsVariables } from '@pulse/local-runtime';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

// ingest's per-fleet token bucket, set low through the declaration (as a deployer sets it) so
// that even a slow machine sends faster than the bucket refills: 1 request/s, 5 at once.
const LIMITS = { [FLEET_RATE_VARIABLE]: '1', [FLEET_BURST_VARIABLE]: '5' };
const MAX_REQUESTS = 200;

let under: RuntimeUnderTest;
let floodKey: string;
let calmKey: string;

beforeAll(async () => {
  under = await startRuntimeUnderTest({ services: withReceiveReadingsVariables(LIMITS) });
  floodKey = (await createFleetWithKey(under.runtime, 'reliability-flood', 'ingest')).key;
  calmKey = (await createFleetWithKey(under.runtime, 'reliability-calm', 'ingest')).key;
}, 60_000);

afterAll(async () => {
  await under?.stop();
}, 30_000);

// An invalid body costs nothing past the limiter, which runs first: 400 means "not throttled".
const send = (key: string): Promise<ApiAnswer> =>
  callApi(under.runtime.endpoints.api, '/v1/readings', {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: 'flood', timestamp: 'now', measurements: {} }),
  });

describe('ingest holds each fleet to its request rate', () => {
  it('answers a fleet over its rate 429 with Retry-After, serves another fleet meanwhile, and the first again after Retry-After', async () => {
    // Act
    let throttled: ApiAnswer | undefined;
    const before: number[] = [];
    while (!throttled && before.length < MAX_REQUESTS) {
      const answer = await send(floodKey);
      if (answer.status === 429) throttled = answer;
      else before.push(answer.status);
    }
    const otherFleet = await send(calmKey);

    // Assess
    expect(new Set(before)).toEqual(new Set([400]));
    expect(throttled?.status).toBe(429);
    const retryAfter = Number(throttled!.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(isPulseErrorBody(throttled!.body) && throttled!.body.error.code).toBe('TooManyRequests');
    expect(otherFleet.status).toBe(400);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1_000));
    expect((await send(floodKey)).status).toBe(400);
  });
});
