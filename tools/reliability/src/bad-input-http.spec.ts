import { fc, test } from '@fast-check/jest';
import { callApi, type ApiAnswer } from './api-client';
import { watchReadingsReceived, type BusWatch } from './bus-watch';
import { eventually, registerDevices, storedReadings } from './devices';
import { brokenTextRequest, contentTypeRequest, envelopeDefectRequest, oversizedRequest } from './fuzz/body-defects';
import { judge } from './fuzz/expectation';
import { FuzzTally } from './fuzz/fuzz-tally';
import type { MalformedRequest } from './fuzz/malformed-request';
import { envelopeBody, parseDefectsRequest, schemaDefectsRequest } from './fuzz/readings-payloads';
import { readingText, validReading, type FuzzContext } from './fuzz/valid-reading';
import { UNTHROTTLED_INGEST } from '@pulse/local-runtime';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

// Every property posts to one runtime. Defective readings name registered devices, so a
// reading that slipped through validation would be accepted, published and stored: the
// bus watch and the read API would see it.
const FUZZ_DEVICES = ['fuzz-0', 'fuzz-1', 'fuzz-2', 'fuzz-3', 'fuzz-4'];
const CONTROL_DEVICE = 'fuzz-control';
const MINIMUM_PAYLOADS = 10_000;

let under: RuntimeUnderTest;
let watch: BusWatch;
const tally = new FuzzTally();
const context: FuzzContext = { deviceIds: FUZZ_DEVICES, now: () => under.runtime.time.clock.now() };

beforeAll(async () => {
  under = await startRuntimeUnderTest({ services: UNTHROTTLED_INGEST });
  await registerDevices(under.runtime.endpoints.api, under.runtime.endpoints.apiKey, [...FUZZ_DEVICES, CONTROL_DEVICE]);
  watch = watchReadingsReceived(under.runtime);
}, 60_000);

afterAll(async () => {
  watch?.stop();
  await under?.stop();
  process.stderr.write(`${tally.report('malformed POST /v1/readings payloads sent')}\n`);
}, 30_000);

const post = (request: Pick<MalformedRequest, 'contentType' | 'body'>): Promise<ApiAnswer> =>
  callApi(under.runtime.endpoints.api, '/v1/readings', {
    method: 'POST',
    headers: { 'x-api-key': under.runtime.endpoints.apiKey, ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }) },
    body: request.body,
  });

async function refusedAsExpected(request: MalformedRequest): Promise<void> {
  tally.count(request.kind);
  const problem = judge(await post(request), request.expected);
  if (problem) throw new Error(`${request.kind}: ${problem}`);
}

describe('POST /v1/readings answers every malformed payload with a 4xx naming the path and rule', () => {
  const acceptedControl: string[] = [];

  test.prop([fc.array(validReading(context, [CONTROL_DEVICE]), { minLength: 1, maxLength: 5 })], { numRuns: 15 })(
    'accepts the generators’ readings when no defect is applied (the control)',
    async (readings) => {
      const answer = await post({ contentType: 'application/json', body: envelopeBody('wrapped', readings.map((parts) => readingText(parts))) });
      expect(answer.status).toBe(202);
      const body = answer.body as { accepted: number; readingIds: string[] };
      expect(body.accepted).toBe(readings.length);
      acceptedControl.push(...body.readingIds);
    },
  );

  test.prop([schemaDefectsRequest(context)], { numRuns: 5_200 })(
    'readings with a wrong type, a missing or unknown field, a bad number, string or timestamp → 400 per reading',
    refusedAsExpected,
    240_000,
  );

  test.prop([parseDefectsRequest(context)], { numRuns: 1_600 })(
    'a syntax error or a __proto__/constructor/prototype key anywhere → 400 for the whole body, valid readings included',
    refusedAsExpected,
    120_000,
  );

  test.prop([brokenTextRequest(context)], { numRuns: 1_500 })(
    'JSON cut short, random text or bytes, broken NDJSON lines, invalid UTF-8 → 400 rule json with line and column',
    refusedAsExpected,
    120_000,
  );

  test.prop([envelopeDefectRequest(context)], { numRuns: 800 })(
    'blank bodies, empty or non-list readings, unknown or forbidden keys beside them → 400 naming them',
    refusedAsExpected,
    120_000,
  );

  test.prop([contentTypeRequest(context)], { numRuns: 800 })('any content type but JSON and NDJSON → 415', refusedAsExpected, 120_000);

  test.prop([oversizedRequest(context)], { numRuns: 150 })('over 1 MB or over 1,000 readings → 413', refusedAsExpected, 120_000);

  it(`sent at least ${MINIMUM_PAYLOADS.toLocaleString('en')} malformed payloads`, () => {
    expect(tally.total()).toBeGreaterThanOrEqual(MINIMUM_PAYLOADS);
  });

  it('acknowledged and stored none of them, while the control readings were stored', async () => {
    const leaked = watch.received.filter((reading) => FUZZ_DEVICES.includes(reading.deviceId));
    expect(leaked).toEqual([]);
    const token = under.runtime.endpoints.operatorToken;
    await eventually('the control readings stored', async () => {
      const stored = new Set((await storedReadings(under.runtime.endpoints.api, token, CONTROL_DEVICE)).map((reading) => reading.readingId));
      return acceptedControl.every((id) => stored.has(id)) ? true : undefined;
    }, 45_000);
    for (const deviceId of FUZZ_DEVICES) expect(await storedReadings(under.runtime.endpoints.api, token, deviceId)).toEqual([]);
  }, 60_000);

  it('stayed up: /health answers 200, receive-readings never failed or crashed, the API reported no failure', async () => {
    const health = await callApi(under.runtime.endpoints.api, '/health');
    const stats = under.runtime.runner.stats()['receive-readings']!;

    expect(health.status).toBe(200);
    expect({ errors: stats.errors, timeouts: stats.timeouts }).toEqual({ errors: 0, timeouts: 0 });
    expect(under.log.filter((line) => line.startsWith('[api]') || line.startsWith('[receive-readings]'))).toEqual([]);
  });
});
