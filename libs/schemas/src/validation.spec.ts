import { Type } from '@sinclair/typebox';
import { compileValidator } from './validation';

describe('compileValidator', () => {
  it('rejects forbidden keys even where the schema itself allows any field', () => {
    // Prepare
    const validate = compileValidator(Type.Object({ tags: Type.Record(Type.String(), Type.String()) }));
    const input = { tags: { ok: 'x', constructor: 'y' } };

    // Act
    const result = validate(input);

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'tags.constructor', rule: 'forbiddenKey', message: expect.stringContaining("'constructor'") }],
    });
  });

  it('formats array positions and non-identifier keys readably', () => {
    // Prepare
    const validate = compileValidator(
      Type.Object({ rows: Type.Array(Type.Record(Type.String(), Type.Integer())) }),
    );

    // Act
    const result = validate({ rows: [{ a: 1 }, { 'odd key': 1.5, '7': 'x' }] });

    // Assess
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual(["rows[1]['7']", "rows[1]['odd key']"]);
  });

  it('reports a union whose alternatives all have another type as one type issue naming them', () => {
    // Prepare
    const validate = compileValidator(Type.Object({ zone: Type.Union([Type.String({ maxLength: 3 }), Type.Null()]) }));

    // Act
    const wrongType = validate({ zone: 5 });
    const tooLong = validate({ zone: 'abcd' });

    // Assess
    expect(wrongType.ok ? [] : wrongType.errors).toEqual([{ path: 'zone', rule: 'type', message: 'must be a string or null' }]);
    expect(tooLong.ok ? [] : tooLong.errors).toEqual([{ path: 'zone', rule: 'maxLength', message: 'must be at most 3 characters long' }]);
  });

  it('returns the very input as the typed value on success', () => {
    // Prepare
    const validate = compileValidator(Type.Object({ n: Type.Number() }));
    const input = { n: 1 };

    // Act
    const result = validate(input);

    // Assess
    expect(result.ok && result.value).toBe(input);
  });
});
