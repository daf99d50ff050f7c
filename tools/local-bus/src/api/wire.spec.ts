import { startTestBus, type TestBus } from './__fixtures__/test-bus';
import { accessKeyIdOf, allowedSourceOf, defaultIdentities } from './identity';

let bus: TestBus;
beforeAll(async () => {
  bus = await startTestBus();
});
afterAll(async () => {
  await bus?.close();
});

/** A request as curl or a foreign client sends it: no signature at all. */
async function raw(target: string, body: string) {
  const response = await fetch(bus.server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as Record<string, unknown> };
}

describe('the AWS JSON 1.1 wire', () => {
  test('an unsigned request is a developer: it may publish any source', async () => {
    // Act
    const answer = await raw('AWSEvents.PutEvents', JSON.stringify({ Entries: [{ Source: 'pulse.alert', DetailType: 'X', Detail: '{}' }] }));

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body['FailedEntryCount']).toBe(0);
  });

  test('an operation the bus does not speak is an UnknownOperationException in AWS error shape', async () => {
    // Act
    const answer = await raw('AWSEvents.CreatePartnerEventSource', '{}');

    // Assess
    expect(answer).toEqual({
      status: 400,
      type: 'UnknownOperationException',
      body: { __type: 'UnknownOperationException', message: expect.stringContaining('AWSEvents.CreatePartnerEventSource') },
    });
  });

  test('a body that is not JSON is a SerializationException', async () => {
    // Act
    const answer = await raw('AWSEvents.ListRules', '{nope');

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body['__type']).toBe('SerializationException');
  });
});

describe('identity', () => {
  test('the access key id is read from the SigV4 credential scope', () => {
    // Prepare
    const header =
      'AWS4-HMAC-SHA256 Credential=pulse-transform/20260101/us-east-1/events/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';

    // Act / Assess
    expect(accessKeyIdOf(header)).toBe('pulse-transform');
    expect(accessKeyIdOf(undefined)).toBeUndefined();
    expect(accessKeyIdOf('Bearer token')).toBeUndefined();
  });

  test('pulse-<service> keys are limited to pulse.<service>; other keys are unlimited', () => {
    // Prepare
    const identities = defaultIdentities();

    // Act / Assess
    expect(Object.keys(identities).sort()).toEqual(['pulse-alert', 'pulse-enrich', 'pulse-ingest', 'pulse-persist', 'pulse-transform']);
    expect(allowedSourceOf(identities, 'pulse-enrich')).toBe('pulse.enrich');
    expect(allowedSourceOf(identities, 'toString')).toBeUndefined();
    expect(allowedSourceOf(identities, undefined)).toBeUndefined();
  });
});
