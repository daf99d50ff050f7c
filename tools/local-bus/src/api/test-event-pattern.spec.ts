import { InvalidEventPatternException, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { loadConformanceCases } from '@pulse/event-patterns/testing';
import { startTestBus, type TestBus } from './__fixtures__/test-bus';

const cases = loadConformanceCases();
const EVENT = JSON.stringify({
  id: '1',
  account: '123456789012',
  source: 'pulse.ingest',
  time: '2024-01-01T00:00:00Z',
  region: 'us-east-1',
  'detail-type': 'ReadingsReceived',
  detail: {},
});

let bus: TestBus;
beforeAll(async () => {
  bus = await startTestBus();
});
afterAll(async () => {
  await bus?.close();
});

test('the conformance file holds all 113 AWS-checked cases', () => {
  expect(cases).toHaveLength(113);
});

describe('TestEventPattern over the wire: EventBridge conformance cases', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    // Prepare: raw text is what AWS received, so it wins over the parsed form.
    const EventPattern = testCase.patternRaw ?? JSON.stringify(testCase.pattern);
    const Event = testCase.eventRaw ?? JSON.stringify(testCase.event);

    // Act
    const outcome = await bus
      .client()
      .send(new TestEventPatternCommand({ EventPattern, Event }))
      .then((answer) => ({ result: answer.Result ? 'match' : 'nomatch', error: undefined }))
      .catch((error: Error) => ({ result: 'error', error }));

    // Assess
    if (testCase.expect === 'invalid-pattern') {
      expect(outcome.error).toBeInstanceOf(InvalidEventPatternException);
      if (testCase.awsError) expect(outcome.error?.message.startsWith(testCase.awsError.message)).toBe(true);
    } else {
      expect(outcome).toEqual({ result: testCase.expect, error: undefined });
    }
  });
});

describe('TestEventPattern errors', () => {
  test('an event missing required fields is a ValidationException naming them', async () => {
    // Act
    const act = bus.client().send(new TestEventPatternCommand({ EventPattern: '{"source":["x"]}', Event: '{"source":"x"}' }));

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('missing required field(s): id, account, time, region, detail-type'),
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });

  test('an event that is not JSON is a ValidationException', async () => {
    // Act
    const act = bus.client().send(new TestEventPatternCommand({ EventPattern: '{"source":["x"]}', Event: '{"id":' }));

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/^Parameter Event is not valid/) });
  });

  test('an invalid pattern is reported before the event is looked at', async () => {
    // Act
    const act = bus.client().send(new TestEventPatternCommand({ EventPattern: '{"source":"x"}', Event: 'not json' }));

    // Assess
    await expect(act).rejects.toBeInstanceOf(InvalidEventPatternException);
  });

  test('a matching and a non-matching event answer true and false', async () => {
    // Act
    const [matched, missed] = await Promise.all([
      bus.client().send(new TestEventPatternCommand({ EventPattern: '{"source":["pulse.ingest"]}', Event: EVENT })),
      bus.client().send(new TestEventPatternCommand({ EventPattern: '{"source":["pulse.alert"]}', Event: EVENT })),
    ]);

    // Assess
    expect(matched.Result).toBe(true);
    expect(missed.Result).toBe(false);
  });
});
