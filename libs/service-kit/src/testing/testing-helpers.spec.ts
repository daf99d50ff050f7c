import { ReadingsReceived } from '../__fixtures__/fixture-contracts';
import { manualClock } from '../clock';
import { correlationIdOf } from '../powertools/correlation-id';
import { eventBridgeEvent, sampleEvent } from './eventbridge-event';
import { httpApiEvent } from './http-api-event';
import { lambdaContext } from './lambda-context';
import type { ApiKeyAuthorizerContext } from '../declaration/authorizer-contract';
import { header, jsonBody } from '../http/http-request';

describe('lambdaContext', () => {
  it('is a full context whose remaining time runs down to zero from the deadline', () => {
    // Prepare
    const clock = manualClock(0);
    const context = lambdaContext({ timeoutMs: 3000, clock, functionName: 'store-readings' });

    // Act
    const atStart = context.getRemainingTimeInMillis();
    clock.advance(1200);
    const later = context.getRemainingTimeInMillis();
    clock.advance(5000);
    const expired = context.getRemainingTimeInMillis();

    // Assess
    expect([atStart, later, expired]).toEqual([3000, 1800, 0]);
    expect(context).toMatchObject({ functionName: 'store-readings', memoryLimitInMB: '256', awsRequestId: expect.any(String), logGroupName: expect.any(String) });
  });
});

describe('eventBridgeEvent', () => {
  it('wraps a detail in the envelope EventBridge delivers, with the contract’s source and detail-type', () => {
    // Prepare
    const detail = ReadingsReceived.sample.detail;

    // Act
    const event = eventBridgeEvent(ReadingsReceived, detail, { id: 'evt-1' });

    // Assess
    expect(event).toMatchObject({ version: '0', id: 'evt-1', source: 'pulse.ingest', 'detail-type': 'ReadingsReceived', account: expect.any(String), detail });
    expect(sampleEvent(ReadingsReceived).detail).toBe(ReadingsReceived.sample.detail);
    expect(correlationIdOf(event, { awsRequestId: 'x' })).toBe('c-1');
  });
});

describe('httpApiEvent', () => {
  it('builds a payload v2.0 request from a route template, with the authorizer context', () => {
    // Act
    const event = httpApiEvent<ApiKeyAuthorizerContext>({
      method: 'PUT',
      path: '/v1/devices/{deviceId}',
      pathParameters: { deviceId: 'd-1' },
      headers: { 'X-Api-Key': 'pulse-local-key' },
      body: { zone: 'z1' },
      authorizerContext: { fleetId: 'fleet-1', role: 'admin' },
    });

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'PUT /v1/devices/{deviceId}',
      rawPath: '/v1/devices/d-1',
      pathParameters: { deviceId: 'd-1' },
      headers: { 'x-api-key': 'pulse-local-key', 'content-type': 'application/json' },
      requestContext: { http: { method: 'PUT', path: '/v1/devices/d-1' }, authorizer: { lambda: { fleetId: 'fleet-1', role: 'admin' } } },
      isBase64Encoded: false,
    });
    expect(jsonBody(event)).toEqual({ ok: true, value: { zone: 'z1' } });
  });

  it('encodes base64 bodies and query strings, and carries JWT claims', () => {
    // Act
    const event = httpApiEvent({
      method: 'GET',
      path: '/v1/zones',
      queryStringParameters: { limit: '10', cursor: 'abc' },
      body: 'raw',
      base64: true,
      jwtClaims: { 'custom:fleet': 'fleet-9' },
    });

    // Assess
    expect(event.rawQueryString).toBe('limit=10&cursor=abc');
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64').toString()).toBe('raw');
    expect(event.requestContext.authorizer).toEqual({ jwt: { claims: { 'custom:fleet': 'fleet-9' }, scopes: null } });
    expect(header(event, 'content-type')).toBeUndefined();
  });
});
