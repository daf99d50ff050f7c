import { accepted, allowFleet, startHarness, type Harness } from '../__fixtures__/api-harness';

describe('API-key routes (the ingest Lambda authorizer)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.api.close();
    harness = undefined;
  });

  const post = (h: Harness, key?: string) =>
    fetch(`${h.api.url}/v1/readings`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) }, body: '{}' });

  it('answers 401 without calling anything when the key header is missing', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': allowFleet('f'), 'receive-readings': accepted });

    // Act
    const response = await post(harness);

    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(harness.calls).toHaveLength(0);
  });

  it('answers 403 when the authorizer refuses, and never calls the route', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': () => ({ ok: true, result: { isAuthorized: false } }), 'receive-readings': accepted });

    // Act
    const response = await post(harness, 'bad-key');

    // Assess
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
    expect(harness.callsTo('receive-readings')).toHaveLength(0);
  });

  it('sends the authorizer a 2.0 REQUEST event and passes its context to the route', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': allowFleet('fleet-7'), 'receive-readings': accepted });

    // Act
    const response = await post(harness, 'good-key');

    // Assess
    expect(response.status).toBe(202);
    expect(harness.callsTo('authorize-api-key')[0]?.event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      identitySource: ['good-key'],
      routeArn: expect.stringMatching(/^arn:aws:execute-api:[^:]+:\d{12}:[^/]+\/\$default\/POST\/v1\/readings$/),
      routeKey: 'POST /v1/readings',
    });
    expect(harness.callsTo('receive-readings')[0]?.event).toMatchObject({
      requestContext: { authorizer: { lambda: { fleetId: 'fleet-7', role: 'admin' } } },
    });
  });

  it('caches the decision per key for the declared TTL (300 s for ingest)', async () => {
    // Prepare
    let now = 1_700_000_000_000;
    harness = await startHarness({ 'authorize-api-key': allowFleet('f'), 'receive-readings': accepted }, { clock: () => now });

    // Act
    await post(harness, 'k1');
    await post(harness, 'k1');
    const withinTtl = harness.callsTo('authorize-api-key').length;
    await post(harness, 'k2');
    now += 301_000;
    await post(harness, 'k1');

    // Assess
    expect(withinTtl).toBe(1);
    expect(harness.callsTo('authorize-api-key').map((c) => c.event['identitySource'])).toEqual([['k1'], ['k2'], ['k1']]);
    expect(harness.callsTo('receive-readings')).toHaveLength(4);
  });

  it('answers 500 when the authorizer itself fails', async () => {
    // Prepare
    harness = await startHarness({ 'authorize-api-key': () => ({ ok: false, errorType: 'Error', errorMessage: 'boom' }), 'receive-readings': accepted });

    // Act
    const response = await post(harness, 'k1');

    // Assess
    expect(response.status).toBe(500);
    expect(harness.callsTo('receive-readings')).toHaveLength(0);
  });
});
