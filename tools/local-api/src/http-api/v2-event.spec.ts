import { accepted, allowFleet, startHarness, type Harness } from '../__fixtures__/api-harness';

describe('payload 2.0 events', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.api.close();
    harness = undefined;
  });

  it('turns POST /v1/readings into the v2 event API Gateway sends', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': allowFleet('fleet-a'), 'receive-readings': accepted });
    const body = JSON.stringify({ readings: [] });

    // Act
    const response = await fetch(`${harness.api.url}/v1/readings?dryRun=1&tag=a&tag=b`, {
      method: 'POST',
      headers: { 'x-api-key': 'k1', 'content-type': 'application/json', 'X-Custom': 'Yes', cookie: 'a=1; b=2' },
      body,
    });

    // Assess
    expect(response.status).toBe(202);
    const [call] = harness.callsTo('receive-readings');
    expect(call?.event).toEqual({
      version: '2.0',
      routeKey: 'POST /v1/readings',
      rawPath: '/v1/readings',
      rawQueryString: 'dryRun=1&tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      headers: expect.objectContaining({ 'x-api-key': 'k1', 'content-type': 'application/json', 'x-custom': 'Yes' }),
      queryStringParameters: { dryRun: '1', tag: 'a,b' },
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        domainName: expect.any(String),
        domainPrefix: expect.any(String),
        http: { method: 'POST', path: '/v1/readings', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: expect.any(String) },
        requestId: expect.stringMatching(/.+/),
        routeKey: 'POST /v1/readings',
        stage: '$default',
        time: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
        timeEpoch: expect.any(Number),
        authorizer: { lambda: { fleetId: 'fleet-a', role: 'admin' } },
      },
      body,
      isBase64Encoded: false,
    });
    expect(call?.event['headers']).not.toHaveProperty('cookie');
  });

  it('fills pathParameters and queryStringParameters for GET /v1/devices/{deviceId}/readings', async () => {
    // Prepare
    harness = await startHarness({ 'get-device-readings': () => ({ ok: true, result: { statusCode: 200, body: '{"items":[]}' } }) });
    const fns = harness.calls;

    // Act
    const response = await fetch(`${harness.api.url}/v1/devices/dev%2D42/readings?from=10&limit=5`, {
      headers: { authorization: `Bearer ${harness.issuer.mint({ fleet: 'fleet-a' })}` },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(fns).toHaveLength(1);
    expect(fns[0]?.event).toMatchObject({
      routeKey: 'GET /v1/devices/{deviceId}/readings',
      rawPath: '/v1/devices/dev%2D42/readings',
      pathParameters: { deviceId: 'dev-42' },
      queryStringParameters: { from: '10', limit: '5' },
      isBase64Encoded: false,
    });
    expect(fns[0]?.event).not.toHaveProperty('body');
  });

  it('base64-encodes a binary body such as application/octet-stream', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': allowFleet('fleet-a'), 'receive-readings': accepted });
    const bytes = Buffer.from([0, 1, 2, 250, 255]);

    // Act
    await fetch(`${harness.api.url}/v1/readings`, { method: 'POST', headers: { 'x-api-key': 'k1', 'content-type': 'application/octet-stream' }, body: bytes });

    // Assess
    const [call] = harness.callsTo('receive-readings');
    expect(call?.event).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  });
});
