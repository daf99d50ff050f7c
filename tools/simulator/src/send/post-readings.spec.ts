import { createCity, readingsAt, scenario, type SimReading } from '../city';
import { startFakePulseApi, type FakePulseApi } from './fake-pulse-api';
import { postReadings } from './post-readings';
import { virtualClock } from './sim-clock';

const START = Date.UTC(2026, 5, 1, 12);

function someReadings(n: number): SimReading[] {
  const city = createCity({ zones: 2, devices: n, seed: 3 });
  return readingsAt(city, START, scenario('calm', START, { faults: { malformed: 0, duplicate: 0 } })).filter((r) => r.kind === 'valid');
}

describe('postReadings', () => {
  let api: FakePulseApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('posts the batch as { readings } with the API key and counts what was accepted', async () => {
    // Prepare
    api = await startFakePulseApi();
    const readings = someReadings(30);

    // Act
    const counts = await postReadings(readings, { target: { endpoint: api.endpoint, apiKey: 'k-1' }, clock: virtualClock() });

    // Assess
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0].method).toBe('POST');
    expect(api.requests[0].url).toBe('/v1/readings');
    expect(api.requests[0].headers['x-api-key']).toBe('k-1');
    expect(api.requests[0].body).toEqual({ readings: readings.map((r) => r.body) });
    expect(counts).toMatchObject({ sent: 30, accepted: 30, rejected: 0, failed: 0, requests: 1 });
  });

  it('waits Retry-After on 429 and sends the batch again', async () => {
    // Prepare
    api = await startFakePulseApi((_request, index) =>
      index === 0 ? { status: 429, body: { error: { code: 'TooManyRequests', message: 'slow down' } }, headers: { 'retry-after': '3' } } : { status: 202, body: { accepted: 5, rejected: [] } },
    );
    const clock = virtualClock();

    // Act
    const counts = await postReadings(someReadings(5), { target: { endpoint: api.endpoint, apiKey: 'k' }, clock });

    // Assess
    expect(clock.sleeps).toEqual([3000]);
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1].body).toEqual(api.requests[0].body);
    expect(counts).toMatchObject({ sent: 5, accepted: 5, throttled: 1, requests: 2, failed: 0 });
  });

  it('on 503 resends only the readings not accepted', async () => {
    // Prepare
    const readings = someReadings(4);
    api = await startFakePulseApi((_request, index) =>
      index === 0
        ? {
            status: 503,
            headers: { 'retry-after': '1' },
            body: { error: { code: 'ServiceUnavailable', message: 'bus' }, notAccepted: [readings[2].readingId], accepted: [readings[0].readingId, readings[1].readingId, readings[3].readingId] },
          }
        : { status: 202, body: { accepted: 1, rejected: [] } },
    );
    const clock = virtualClock();

    // Act
    const counts = await postReadings(readings, { target: { endpoint: api.endpoint, apiKey: 'k' }, clock });

    // Assess
    expect(api.requests[1].body).toEqual({ readings: [readings[2].body] });
    expect(clock.sleeps).toEqual([1000]);
    expect(counts).toMatchObject({ sent: 4, accepted: 4, unavailable: 1, failed: 0 });
  });

  it('gives up after the retries and counts the readings as failed', async () => {
    // Prepare
    api = await startFakePulseApi(() => ({ status: 429, headers: { 'retry-after': '1' }, body: {} }));

    // Act
    const counts = await postReadings(someReadings(3), { target: { endpoint: api.endpoint, apiKey: 'k' }, clock: virtualClock(), maxRetries: 2 });

    // Assess
    expect(api.requests).toHaveLength(3);
    expect(counts).toMatchObject({ sent: 3, accepted: 0, throttled: 3, failed: 3 });
  });

  it('counts partial rejections of a 202 and whole-batch 400s by rule', async () => {
    // Prepare
    api = await startFakePulseApi((_request, index) =>
      index === 0
        ? { status: 202, body: { accepted: 2, rejected: [{ index: 1, errors: [{ path: 'measurements.humidity', rule: 'maximum', message: '' }] }] } }
        : {
            status: 400,
            body: {
              error: { code: 'BadRequest', message: 'No reading was accepted' },
              errors: [
                { path: 'readings[0].deviceId', rule: 'ownership', message: '' },
                { path: 'readings[1]', rule: 'additionalProperties', message: '' },
                { path: 'readings[1].measurements.pm25', rule: 'minimum', message: '' },
              ],
            },
          },
    );
    const target = { endpoint: api.endpoint, apiKey: 'k' };

    // Act
    const partial = await postReadings(someReadings(3), { target, clock: virtualClock() });
    const whole = await postReadings(someReadings(2), { target, clock: virtualClock() });

    // Assess
    expect(partial).toMatchObject({ accepted: 2, rejected: 1, rejectedByRule: { maximum: 1 } });
    expect(whole).toMatchObject({ accepted: 0, rejected: 2, rejectedByRule: { ownership: 1, additionalProperties: 1, minimum: 1 } });
  });
});
