import { startHarness, type Harness } from '../__fixtures__/api-harness';
import { createLocalIssuer } from '../issuer/local-issuer';

describe('JWT routes (the operators’ authorizer)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.api.close();
    harness = undefined;
  });

  const listZones = () => ({ ok: true as const, result: { statusCode: 200, body: '{"items":[],"nextCursor":null}' } });
  const get = (h: Harness, authorization?: string) => fetch(`${h.api.url}/v1/zones`, { headers: authorization ? { authorization } : {} });

  it('passes the verified claims, custom:fleet included, as requestContext.authorizer.jwt', async () => {
    // Prepare
    harness = await startHarness({ 'list-zones': listZones });
    const token = harness.issuer.mint({ fleet: 'fleet-a', username: 'ada' });

    // Act
    const response = await get(harness, `Bearer ${token}`);

    // Assess
    expect(response.status).toBe(200);
    const [call] = harness.callsTo('list-zones');
    expect(call?.event).toMatchObject({
      requestContext: {
        authorizer: {
          jwt: { claims: { 'custom:fleet': 'fleet-a', 'cognito:username': 'ada', token_use: 'id', exp: expect.stringMatching(/^\d+$/) }, scopes: null },
        },
      },
    });
  });

  it.each([
    ['missing', () => undefined],
    ['expired', (h: Harness) => `Bearer ${h.issuer.mint({ fleet: 'fleet-a', expired: true })}`],
    ['signed by another key', () => `Bearer ${createLocalIssuer().mint({ fleet: 'fleet-a' })}`],
    ['garbage', () => 'Bearer abc.def'],
  ])('answers 401 for a %s token and never calls the route', async (_case, authorization) => {
    // Prepare
    harness = await startHarness({ 'list-zones': listZones });

    // Act
    const response = await get(harness, authorization(harness));

    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(harness.calls).toHaveLength(0);
  });
});
