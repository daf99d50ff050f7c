import { InvalidEventPatternException, MAX_PATTERN_LENGTH, matchesPattern, validatePattern } from './index';

function rejection(pattern: unknown): InvalidEventPatternException {
  try {
    validatePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternException) return error;
    throw error;
  }
  throw new Error('pattern was accepted');
}

describe('validatePattern', () => {
  test('the error is named like the AWS exception and says what and where', () => {
    // Act
    const error = rejection({ detail: { state: [{ 'anything-but': null }] } });

    // Assess
    expect(error.name).toBe('InvalidEventPatternException');
    expect(error.reason).toBe('Value of anything-but must be an array or single string/number value.');
    expect(error.path).toEqual(['detail', 'state', '[0]']);
    expect(error.message).toBe(
      'Event pattern is not valid. Reason: Value of anything-but must be an array or single string/number value. (at detail.state[0])',
    );
  });

  test(`pattern text of ${MAX_PATTERN_LENGTH} characters is accepted, one more is not`, () => {
    // Prepare: {"a":["xxx..."]} padded to an exact length
    const text = (length: number) => `{"a":["${'x'.repeat(length - 10)}"]}`;

    // Act
    const atLimit = () => validatePattern(text(MAX_PATTERN_LENGTH));
    const overLimit = rejection(text(MAX_PATTERN_LENGTH + 1));

    // Assess
    expect(atLimit).not.toThrow();
    expect(overLimit.message).toContain('2049 characters long; the maximum is 2048');
  });

  test('the length limit also applies to a pattern given as a value', () => {
    // Act
    const error = rejection({ a: ['x'.repeat(MAX_PATTERN_LENGTH)] });

    // Assess
    expect(error.reason).toMatch(/maximum is 2048/);
  });

  test.each([
    ['[{"a":["b"]}]', 'Filter is not an object'],
    ['"text"', 'Filter is not an object'],
    ['{}', 'Empty objects are not allowed'],
    ['{"detail":{}}', 'Empty objects are not allowed'],
    ['{"a":[{}]}', 'Empty objects are not allowed'],
    ['{"a":[{"prefix":"x","suffix":"y"}]}', 'Only one key allowed in match expression'],
    ['{"a":[["x"]]}', 'Match value must be String, number, true, false, or null'],
    ['{"a":[{"exists":"yes"}]}', 'exists match pattern must be either true or false.'],
    ['{"a":[{"prefix":{"equals-ignore-case":1}}]}', 'equals-ignore-case match pattern must be a string'],
    ['{"a":[{"prefix":{"wildcard":"x"}}]}', 'Unsupported prefix pattern: wildcard'],
    ['{"a":[{"anything-but":{"numeric":[">",1]}}]}', 'Unsupported anything-but pattern: numeric'],
    ['{"a":[{"anything-but":[true]}]}', 'Inside anything but list, start|null|boolean is not supported.'],
    ['{"a":[{"anything-but":[]}]}', 'Empty arrays are not allowed'],
    ['{"a":[{"anything-but":{"equals-ignore-case":[1]}}]}', 'Inside anything-but/equals-ignore-case list'],
    ['{"a":[{"anything-but":{"wildcard":["*x",1]}}]}', 'wildcard match pattern must be a string'],
    ['{"$or":[]}', 'Empty arrays are not allowed'],
    ['{"$or":[{"a":["x"]},{"b":[]}]}', 'Empty arrays are not allowed'],
    ['{"a":true}', '"a" must be an object or an array'],
  ])('rejects %s', (text, reason) => {
    // Act
    const error = rejection(text);

    // Assess
    expect(error.reason.startsWith(reason)).toBe(true);
  });

  test('locations point into $or alternatives', () => {
    // Act
    const error = rejection({ detail: { $or: [{ a: ['x'] }, { b: [{ prefix: 1 }] }] } });

    // Assess
    expect(error.message).toMatch(/\(at detail\.\$or\[1\]\.b\[0\]\)$/);
  });

  test('a repeated key is accepted and the last one is used, as the user guide documents', () => {
    // Prepare
    const text = '{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}';

    // Act
    const europe = matchesPattern(text, { detail: { location: 'eu-west' } });
    const usEast = matchesPattern(text, { detail: { location: 'us-east' } });

    // Assess
    expect(europe).toBe(true);
    expect(usEast).toBe(false);
  });

  test('repeated object keys contribute all their fields', () => {
    // Prepare
    const text = '{"detail":{"a":["1"]},"detail":{"b":["2"]}}';

    // Act / Assess
    expect(matchesPattern(text, { detail: { a: '1', b: '2' } })).toBe(true);
    expect(matchesPattern(text, { detail: { b: '2' } })).toBe(false);
  });

  test('values without a JSON form are rejected, not crashed on', () => {
    // Prepare
    const cyclic: Record<string, unknown> = { a: ['x'] };
    cyclic['self'] = cyclic;

    // Act / Assess
    expect(rejection(cyclic).reason).toBe('Filter is not valid JSON');
    expect(rejection({ a: [Number.NaN] }).reason).toBe('Match value must be String, number, true, false, or null');
  });
});
