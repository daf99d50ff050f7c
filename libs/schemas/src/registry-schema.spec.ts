import { Type } from '@sinclair/typebox';
import AjvDraft04 from 'ajv-draft-04';
import { contracts } from './contracts';
import { isIsoDateTime } from './iso-date-time';
import { toDraft4, toRegistrySchema } from './registry-schema';

function draft04() {
  return new AjvDraft04({ allErrors: true, strict: false, formats: { 'date-time': isIsoDateTime } });
}

describe.each(contracts.map((c) => [`${c.name} v${c.version}`, c] as const))('toRegistrySchema(%s)', (_label, contract) => {
  const document = toRegistrySchema(contract);

  it('is a valid JSON Schema Draft 4 document', () => {
    // Prepare
    const ajv = draft04();

    // Act
    const valid = ajv.validateSchema(document);

    // Assess
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(document['$schema']).toBe('http://json-schema.org/draft-04/schema#');
    expect(JSON.stringify(document)).not.toMatch(/"const"|"\$id"|"rationale"|"exclusiveMinimum":\s*-?\d/);
  });

  it('accepts the golden sample event and rejects it under another source or with a broken detail', () => {
    // Prepare
    const validate = draft04().compile(document);
    const otherSource = { ...contract.sample, source: 'pulse.other' };
    const broken = { ...contract.sample, detail: { ...contract.sample.detail, data: { unexpected: true } } };

    // Act
    const results = [validate(contract.sample), validate(otherSource), validate(broken)];

    // Assess
    expect(results).toEqual([true, false, false]);
  });
});

describe('toDraft4', () => {
  it('converts const, numeric exclusive bounds and $id, and drops symbols and Pulse annotations', () => {
    // Prepare
    const schema = Type.Object(
      {
        version: Type.Literal(2),
        gain: Type.Number({ exclusiveMinimum: 0, rationale: 'why' }),
        ratio: Type.Number({ minimum: 0, exclusiveMaximum: 1 }),
        either: Type.Union([Type.Literal('a'), Type.Null()]),
      },
      { $id: 'urn:test', additionalProperties: false },
    );

    // Act
    const draft4 = toDraft4(schema);

    // Assess
    expect(draft4).toEqual({
      id: 'urn:test',
      type: 'object',
      additionalProperties: false,
      required: ['version', 'gain', 'ratio', 'either'],
      properties: {
        version: { type: 'number', enum: [2] },
        gain: { type: 'number', minimum: 0, exclusiveMinimum: true },
        ratio: { type: 'number', minimum: 0, maximum: 1, exclusiveMaximum: true },
        either: { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'null' }] },
      },
    });
    expect(Object.getOwnPropertySymbols(draft4)).toEqual([]);
  });

  it('keeps the tighter of an inclusive and an exclusive bound', () => {
    // Act
    const looserExclusive = toDraft4({ type: 'number', minimum: 5, exclusiveMinimum: 1 });
    const tighterExclusive = toDraft4({ type: 'number', minimum: 1, exclusiveMinimum: 5 });

    // Assess
    expect(looserExclusive).toEqual({ type: 'number', minimum: 5 });
    expect(tighterExclusive).toEqual({ type: 'number', minimum: 5, exclusiveMinimum: true });
  });

  it('refuses keywords Draft 4 cannot express instead of exporting a looser schema', () => {
    // Prepare
    const schema = { type: 'object', properties: { tags: { type: 'array', contains: { const: 'x' } } } };

    // Act / Assess
    expect(() => toDraft4(schema)).toThrow("#/properties/tags: 'contains' has no JSON Schema Draft 4 equivalent");
  });
});
