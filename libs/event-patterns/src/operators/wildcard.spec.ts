import { matchesPattern, validatePattern } from '../index';

const wildcard = (text: string) => ({ f: [{ wildcard: text }] });

describe('wildcard matching', () => {
  test.each([
    ['*/lib/*', 'src/lib/a.ts', true],
    ['*/lib/*', 'src/libs/a.ts', false],
    ['a*', 'a', true],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['*.png', 'image.PNG', false],
    ['ab*ba', 'aba', false],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'aXb', false],
    ['\\\\*', '\\anything', true],
    ['\\\\*', 'anything', false],
    ['\\**', '*suffix', true],
  ])('%j against %j is %s', (pattern, value, expected) => {
    // Act
    const matched = matchesPattern(wildcard(pattern), { f: value });

    // Assess
    expect(matched).toBe(expected);
  });

  test('wildcard only matches strings', () => {
    // Act / Assess
    expect(matchesPattern(wildcard('*'), { f: 12 })).toBe(false);
    expect(matchesPattern(wildcard('*'), { f: null })).toBe(false);
  });

  test.each([
    ['a\\b', 'Invalid escape character at pos 1'],
    ['ab\\', 'Invalid escape character at pos 2'],
    ['a**', 'Consecutive wildcard characters at pos 2'],
    ['*:*:*:*:*:event-bus/*', 'Rule is too complex'],
    ['*aaaaaaaaaa', 'Rule is too complex'],
  ])('rejects %j', (pattern, reason) => {
    // Act
    const act = () => validatePattern(wildcard(pattern));

    // Assess
    expect(act).toThrow(reason);
  });

  test.each(['*/lib/*', '/Users/*/dir/dir/dir/dir/dir/doc.txt', 'arn:aws:events:*:*:event-bus/*', '*:*:*:*:*'])(
    'accepts %j as simple enough',
    (pattern) => {
      // Act
      const act = () => validatePattern(wildcard(pattern));

      // Assess
      expect(act).not.toThrow();
    },
  );

  test('complexity adds up across all wildcards on one field, including $or branches', () => {
    // Prepare: each alone is fine, together they keep too many partial matches alive
    const together = {
      $or: [{ f: [{ wildcard: '*:*:*:*' }] }, { f: [{ wildcard: '*:*:*:x' }] }],
    };

    // Act
    const act = () => validatePattern(together);

    // Assess
    expect(() => validatePattern(wildcard('*:*:*:*'))).not.toThrow();
    expect(act).toThrow('Rule is too complex');
  });
});
