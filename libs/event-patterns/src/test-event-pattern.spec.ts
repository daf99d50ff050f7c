import { InvalidEventException, InvalidEventPatternException, testEventPattern } from './index';

const event = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: '1',
    account: '123456789012',
    source: 'pulse.ingest',
    time: '2024-01-01T00:00:00Z',
    region: 'eu-west-1',
    'detail-type': 'ReadingsReceived',
    detail: {},
    ...extra,
  });

describe('testEventPattern', () => {
  test('answers like the AWS API for a matching and a non-matching event', () => {
    // Prepare
    const pattern = '{"source":["pulse.ingest"],"detail-type":["ReadingsReceived"]}';

    // Act / Assess
    expect(testEventPattern(pattern, event())).toBe(true);
    expect(testEventPattern(pattern, event({ source: 'pulse.enrich' }))).toBe(false);
  });

  test('accepts an event without resources, as AWS does', () => {
    // Act
    const result = testEventPattern('{"resources":[{"exists":false}]}', event());

    // Assess
    expect(result).toBe(true);
  });

  test('keeps float spellings from the event text', () => {
    // Act
    const result = testEventPattern('{"detail":{"n":[300]}}', event().replace('"detail":{}', '"detail":{"n":300.0}'));

    // Assess
    expect(result).toBe(true);
  });

  test.each([
    ['missing required fields', JSON.stringify({ source: 'x' }), 'missing required field(s): id, account, time, region, detail-type'],
    ['not an object', '[1]', 'the event must be a JSON object'],
    ['not JSON', '{"id":', 'Unexpected end-of-input'],
  ])('rejects an event %s', (_name, text, reason) => {
    // Act
    const act = () => testEventPattern('{"source":["x"]}', text);

    // Assess
    expect(act).toThrow(InvalidEventException);
    expect(act).toThrow(reason);
  });

  test('rejects an invalid pattern before looking at the event', () => {
    // Act
    const act = () => testEventPattern('{"source":"x"}', 'not even json');

    // Assess
    expect(act).toThrow(InvalidEventPatternException);
  });

  test('an invalid event is reported as a ValidationException', () => {
    // Act
    const act = () => testEventPattern('{"source":["x"]}', '{}');

    // Assess
    expect(act).toThrow(expect.objectContaining({ name: 'ValidationException' }));
  });
});
