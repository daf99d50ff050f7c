import { Type } from '@sinclair/typebox';
import { StringEnum } from './string-enum';
import { isAsciiSafePattern, maxJsonBytes } from './max-json-bytes';

describe('maxJsonBytes', () => {
  it('bounds an object by every field at its longest, optional ones included', () => {
    // Prepare
    const schema = Type.Object(
      {
        id: Type.String({ maxLength: 4, pattern: '^[a-z]+$' }),
        n: Type.Optional(Type.Integer({ minimum: -10, maximum: 100 })),
        flag: Type.Boolean(),
        kind: StringEnum(['a', 'bbb']),
        tags: Type.Array(Type.String({ maxLength: 2, pattern: '^[a-z]+$' }), { maxItems: 2 }),
      },
      { additionalProperties: false },
    );
    const longest = { id: 'abcd', n: -10, flag: false, kind: 'bbb', tags: ['ab', 'cd'] };

    // Act
    const bytes = maxJsonBytes(schema as never);

    // Assess
    expect(bytes).toBe(JSON.stringify(longest).length);
  });

  it('assumes six bytes a character for a string a pattern does not confine to plain ASCII', () => {
    // Act
    const free = maxJsonBytes({ type: 'string', maxLength: 10 });
    const escaped = JSON.stringify('\u0001'.repeat(10)).length;

    // Assess
    expect(free).toBe(62);
    expect(escaped).toBeLessThanOrEqual(free);
  });

  it.each([
    [{ type: 'string' }, 'string without maxLength'],
    [{ type: 'array', items: { type: 'null' } }, 'array without maxItems'],
    [{ type: 'object', properties: {} }, 'object open to unknown fields'],
  ])('refuses to bound %j', (schema, reason) => {
    // Act / Assess
    expect(() => maxJsonBytes(schema)).toThrow(reason);
  });
});

describe('isAsciiSafePattern', () => {
  it.each([
    ['^[A-Za-z0-9_-]{1,64}$', true],
    ['^[A-Za-z0-9_-]{1,64}@[0-9]{1,15}$', true],
    ['^\\d+\\.\\d+$', true],
    ['^.{1,10}$', false],
    ['^[^"]+$', false],
    ['^\\S+$', false],
    ['^é+$', false],
  ])('%s → %s', (pattern, expected) => {
    // Act / Assess
    expect(isAsciiSafePattern(pattern)).toBe(expected);
  });
});
