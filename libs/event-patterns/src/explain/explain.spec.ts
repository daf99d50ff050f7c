import { compilePattern, explainMatch } from '../index';

const alertRule = {
  source: ['pulse.alert'],
  'detail-type': ['AlertRaised'],
  detail: { data: { level: ['Unhealthy', 'Very Unhealthy', 'Hazardous'] } },
};

describe('explain', () => {
  test('names the field, operator and values that failed', () => {
    // Act
    const explanation = explainMatch(
      { detail: { data: { level: [{ 'anything-but': 'Good' }] } } },
      { detail: { data: { level: 'Good' } } },
    );

    // Assess
    expect(explanation).toEqual({
      matched: false,
      reasons: [
        {
          path: 'detail.data.level',
          operator: 'anything-but',
          expected: 'Good',
          actual: 'Good',
          matched: false,
          message: 'detail.data.level is "Good", which anything-but excludes',
        },
      ],
    });
  });

  test('lists the accepted values of an exact-match field', () => {
    // Act
    const explanation = explainMatch(alertRule, {
      source: 'pulse.alert',
      'detail-type': 'AlertRaised',
      detail: { data: { level: 'Moderate' } },
    });

    // Assess
    expect(explanation.reasons).toEqual([
      expect.objectContaining({
        path: 'detail.data.level',
        operator: 'equals',
        expected: ['Unhealthy', 'Very Unhealthy', 'Hazardous'],
        message: 'detail.data.level is "Moderate", which is not one of "Unhealthy", "Very Unhealthy", "Hazardous"',
      }),
    ]);
  });

  test('on a match, shows what satisfied every field', () => {
    // Act
    const explanation = explainMatch(alertRule, {
      source: 'pulse.alert',
      'detail-type': 'AlertRaised',
      detail: { data: { level: 'Hazardous' } },
    });

    // Assess
    expect(explanation.matched).toBe(true);
    expect(explanation.reasons.map((r) => r.message)).toEqual([
      'source is "pulse.alert", which matches "pulse.alert"',
      'detail-type is "AlertRaised", which matches "AlertRaised"',
      'detail.data.level is "Hazardous", which matches "Hazardous"',
    ]);
  });

  test.each([
    [{ f: [{ exists: true }] }, {}, 'f is missing, but exists: true requires it to be present'],
    [{ f: [{ exists: false }] }, { f: 1 }, 'f is 1, but exists: false requires it to be absent'],
    [{ f: [{ prefix: 'us-' }] }, { f: 'eu-1' }, 'f is "eu-1", which does not start with "us-"'],
    [{ f: [{ prefix: 'us-' }] }, { f: 7 }, 'f is 7, which is not a string; prefix only matches strings'],
    [{ f: [{ suffix: { 'equals-ignore-case': '.png' } }] }, { f: 'a.gif' }, 'f is "a.gif", which does not end with ".png" (ignoring case)'],
    [{ f: [{ 'equals-ignore-case': 'ok' }] }, { f: 'no' }, 'f is "no", which does not equal "ok" ignoring case'],
    [{ f: [{ wildcard: '*.png' }] }, { f: 'a.gif' }, 'f is "a.gif", which does not match wildcard "*.png"'],
    [{ f: [{ numeric: ['>', 0, '<=', 5] }] }, { f: 9 }, 'f is 9, which is not > 0 and <= 5'],
    [{ f: [{ numeric: ['>', 0] }] }, { f: '9' }, 'f is "9", which is not a number; numeric only matches JSON numbers'],
    [{ f: [{ numeric: ['>', 0] }] }, { f: 6e9 }, 'f is 6000000000, which is outside the ±5.0e9 range numeric can compare'],
    [{ f: [{ cidr: '10.0.0.0/8' }] }, { f: '11.0.0.1' }, 'f is "11.0.0.1", which is not an IP address in 10.0.0.0/8'],
    [{ f: [{ 'anything-but': { prefix: 'aws.' } }] }, { f: 'aws.s3' }, 'f is "aws.s3", which anything-but excludes (prefix "aws.")'],
    [{ f: [{ 'anything-but': 'x' }] }, {}, 'f is missing, but anything-but "x" needs a value'],
    [{ f: ['a'] }, { f: { a: 1 } }, 'f is an object, not a value, expected "a"'],
    [{ f: ['a', { prefix: 'b' }] }, { f: 'c' }, 'f is "c", which matches none of "a", prefix "b"'],
  ])('explains %j against %j', (pattern, event, message) => {
    // Act
    const [reason] = explainMatch(pattern, event).reasons;

    // Assess
    expect(reason?.message).toBe(message);
    expect(reason?.matched).toBe(false);
  });

  test('reports every failing alternative of an $or, labelled', () => {
    // Act
    const explanation = explainMatch(
      { detail: { $or: [{ a: ['1'] }, { b: [{ numeric: ['>', 5] }] }] } },
      { detail: { a: '2', b: 1 } },
    );

    // Assess
    expect(explanation.reasons.map((r) => [r.alternative, r.path, r.operator])).toEqual([
      ['detail.$or[0]', 'detail.a', 'equals'],
      ['detail.$or[1]', 'detail.b', 'numeric'],
    ]);
  });

  test('points at the array element that came closest', () => {
    // Act
    const explanation = explainMatch(
      { items: { sku: ['A'], qty: [2] } },
      { items: [{ sku: 'B', qty: 1 }, { sku: 'A', qty: 1 }] },
    );

    // Assess
    expect(explanation.reasons).toEqual([expect.objectContaining({ path: 'items[1].qty', actual: 1 })]);
  });

  test('always agrees with matches()', () => {
    // Prepare
    const pattern = compilePattern({ a: { b: [{ exists: false }], c: ['x'] }, $or: [{ d: [1] }, { e: [null] }] });
    const events = [{}, { a: [{ c: 'x' }], d: 1 }, { a: [{ b: 1, c: 'x' }], e: null }, { a: { c: 'x' }, e: 0 }];

    // Act
    const verdicts = events.map((e) => [pattern.matches(e), pattern.explain(e).matched]);

    // Assess
    expect(verdicts).toEqual([
      [false, false],
      [true, true],
      [false, false],
      [false, false],
    ]);
  });
});
