import { accepted, allowFleet, startHarness, type Harness } from '../__fixtures__/api-harness';
import { MAX_PAYLOAD_BYTES } from './read-request';

describe('gateway behaviour', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.api.close();
    harness = undefined;
  });

  const zones = (h: Harness) => fetch(`${h.api.url}/v1/zones`, { headers: { authorization: `Bearer ${h.issuer.mint({ fleet: 'f' })}` } });

  it('answers 404 for a path or method no declaration routes', async () => {
    // Prepare
    harness = await startHarness({});

    // Act
    const responses = await Promise.all([fetch(`${harness.api.url}/v1/nope`), fetch(`${harness.api.url}/v1/readings`)]);

    // Assess
    expect(responses.map((r) => r.status)).toEqual([404, 404]);
    expect(await responses[0]?.json()).toEqual({ message: 'Not Found' });
    expect(harness.calls).toHaveLength(0);
  });

  it('answers 500 when the function fails, without leaking the error', async () => {
    // Prepare
    harness = await startHarness({ 'list-zones': () => ({ ok: false, errorType: 'TypeError', errorMessage: 'secret detail' }) });

    // Act
    const response = await zones(harness);

    // Assess
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });

  it('answers 500 when the runner rejects the invocation (e.g. an unbuilt function)', async () => {
    // Prepare
    harness = await startHarness({
      'list-zones': () => {
        throw new Error('Function not found: list-zones');
      },
    });

    // Act
    const response = await zones(harness);

    // Assess
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('maps a structured result to status, headers, cookies and a base64 body', async () => {
    // Prepare
    const payload = Buffer.from([1, 2, 3, 254]);
    harness = await startHarness({
      'list-zones': () => ({
        ok: true,
        result: { statusCode: 201, headers: { 'Content-Type': 'application/octet-stream', 'Retry-After': 5 }, cookies: ['s=1; Path=/'], body: payload.toString('base64'), isBase64Encoded: true },
      }),
    });

    // Act
    const response = await zones(harness);

    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.getSetCookie()).toEqual(['s=1; Path=/']);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(payload);
  });

  it('answers 200 JSON for a result without a statusCode', async () => {
    // Prepare
    harness = await startHarness({ 'list-zones': () => ({ ok: true, result: { items: [1] } }) });

    // Act
    const response = await zones(harness);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ items: [1] });
  });

  it('throttles the stage with a token bucket: burst, then 429, then refill', async () => {
    // Prepare
    let now = 1_700_000_000_000;
    harness = await startHarness({ 'list-zones': () => ({ ok: true, result: { items: [] } }) }, { throttle: { rateLimit: 1, burstLimit: 2 }, clock: () => now });

    // Act
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push((await zones(harness)).status);
    now += 1_000;
    const refilled = (await zones(harness)).status;
    const throttled = await zones(harness);

    // Assess
    expect(burst).toEqual([200, 200, 429]);
    expect(refilled).toBe(200);
    expect(await throttled.json()).toEqual({ message: 'Too Many Requests' });
  });

  it('answers /health 503 until ready, then 200 { status: ok }', async () => {
    // Prepare
    let ready = false;
    harness = await startHarness({}, { ready: () => ready });

    // Act
    const starting = await fetch(`${harness.api.url}/health`);
    ready = true;
    const up = await fetch(`${harness.api.url}/health`);

    // Assess
    expect(starting.status).toBe(503);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok' });
  });

  it('serves /openapi.json built from the declarations, listing every service route', async () => {
    // Prepare
    harness = await startHarness({});

    // Act
    const document = (await (await fetch(`${harness.api.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };

    // Assess
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      ['POST /v1/readings', 'PUT /v1/devices/{deviceId}', 'DELETE /v1/devices/{deviceId}', 'GET /v1/devices/{deviceId}/readings', 'GET /v1/zones', 'GET /v1/zones/{zoneId}/readings', 'GET /v1/alerts'].sort(),
    );
  });

  it('serves a given OpenAPI document as is', async () => {
    // Prepare
    harness = await startHarness({}, { openApi: { openapi: '3.1.0', info: { title: 'given' } } });

    // Act
    const document = await (await fetch(`${harness.api.url}/openapi.json`)).json();

    // Assess
    expect(document).toEqual({ openapi: '3.1.0', info: { title: 'given' } });
  });

  it("serves the issuer's JWKS at /.well-known/jwks.json", async () => {
    // Prepare
    harness = await startHarness({});

    // Act
    const response = await fetch(`${harness.api.url}/.well-known/jwks.json`);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(harness.issuer.jwks());
  });

  it('answers 413 over the 10 MB payload limit without calling anything', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': allowFleet('f'), 'receive-readings': accepted });

    // Act
    const response = await fetch(`${harness.api.url}/v1/readings`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x20),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(harness.calls).toHaveLength(0);
  });
});
