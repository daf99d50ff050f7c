import { InvalidEventPatternException, matchesPattern, validatePattern } from '../index';

const numeric = (...range: unknown[]) => ({ n: [{ numeric: range }] });

describe('numeric matching', () => {
  test.each([
    ['> 0 and <= 5 includes the top', numeric('>', 0, '<=', 5), 5, true],
    ['> 0 and <= 5 excludes the bottom', numeric('>', 0, '<=', 5), 0, false],
    ['>= 0 and < 5 includes the bottom', numeric('>=', 0, '<', 5), 0, true],
    ['>= 0 and < 5 excludes the top', numeric('>=', 0, '<', 5), 5, false],
    ['< on negatives', numeric('<', -1.5), -2, true],
    ['= with exponent spelling', numeric('=', 3.018e2), 301.8, true],
    ['upper limit 5.0e9 is comparable', numeric('>=', 5e9), 5e9, true],
    ['lower limit -5.0e9 is comparable', numeric('<=', -5e9), -5e9, true],
    ['event numbers beyond 5.0e9 never match', numeric('>', 0), 5e9 + 1, false],
    ['event numbers below -5.0e9 never match', numeric('<', 0), -5e9 - 1, false],
  ])('%s', (_name, pattern, value, expected) => {
    // Act
    const matched = matchesPattern(pattern, { n: value });

    // Assess
    expect(matched).toBe(expected);
  });

  test('numbers equal to six decimal places compare equal', () => {
    // Prepare
    const pattern = numeric('=', 1.0000001);

    // Act / Assess: the seventh decimal is below EventBridge's precision
    expect(matchesPattern(pattern, { n: 1.0000004 })).toBe(true);
    expect(matchesPattern(pattern, { n: 1.000001 })).toBe(false);
  });

  test('a strict bound is not crossed by a difference below the precision', () => {
    // Prepare
    const pattern = numeric('>', 2.0000001);

    // Act
    const matched = matchesPattern(pattern, { n: 2.0000002 });

    // Assess
    expect(matched).toBe(false);
  });

  test('numeric only matches JSON numbers, not numeric strings or booleans', () => {
    // Prepare
    const pattern = numeric('>=', 0);

    // Act / Assess
    expect(matchesPattern(pattern, { n: '1' })).toBe(false);
    expect(matchesPattern(pattern, { n: true })).toBe(false);
    expect(matchesPattern(pattern, { n: ['x', 3] })).toBe(true);
  });

  test.each([
    [numeric('>', 6e9), 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    [numeric('=', 1, '<', 2), 'Too many elements in numeric expression'],
    [numeric('<', 1, '>', 0), 'Too many elements in numeric expression'],
    [numeric('>', 5, '<', 5), 'Bottom must be less than top'],
    [numeric('>', 0, '<', 5, '<', 9), 'Too many terms in numeric range expression'],
    [numeric('!=', 1), 'Unrecognized numeric range operator: !='],
    [numeric('<', '1'), 'Value of < must be numeric'],
    [numeric('='), 'Value of equals must be numeric'],
    [numeric(1, '<'), 'Invalid member in numeric match: 1'],
    [{ n: [{ numeric: [] }] }, 'Invalid member in numeric match: ]'],
  ])('rejects %j', (pattern, reason) => {
    // Act
    const act = () => validatePattern(pattern);

    // Assess
    expect(act).toThrow(InvalidEventPatternException);
    expect(act).toThrow(reason);
  });

  test('exact numbers match across spellings and beyond the numeric range', () => {
    // Prepare: AWS account ids are numbers too large for numeric comparison
    const exact = { n: [300], account: [123456789012] };

    // Act
    const matched = matchesPattern(exact, { n: 3e2, account: 123456789012 });
    const wrongAccount = matchesPattern(exact, { n: 300, account: 123456789013 });

    // Assess
    expect(matched).toBe(true);
    expect(wrongAccount).toBe(false);
  });

  test('a number never equals its string form', () => {
    // Act / Assess
    expect(matchesPattern({ n: [300] }, { n: '300' })).toBe(false);
    expect(matchesPattern({ n: ['300'] }, { n: 300 })).toBe(false);
  });
});
