import { Type, type TSchema } from '@sinclair/typebox';
import fc from 'fast-check';
import { createPulseAjv } from './ajv-instance';
import type { EventContract } from './envelope';
import { DeviceRegisteredV1 } from './events/device-registered/v1';
import { ReadingsEnrichedV1 } from './events/readings-enriched/v1';
import { ReadingsStoredV1 } from './events/readings-stored/v1';
import { precompiledValidator } from './precompiled-validator';
import { ReadingSchema, validateReading } from './reading';
import { StringEnum } from './string-enum';
import { compileValidator, type Validator } from './validation';

// The generated validators are built without Ajv's `verbose` and `messages` options (smaller
// code); these properties show that the issues they produce are exactly those of the
// run-time validator, which keeps both options.

type Json = Record<string, unknown> | unknown[];

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(NaN, Infinity, -1, -0.5, 0, 1.5, 1e16, 2 ** 53, '', ' ', 'x'.repeat(300), '2024-02-30T00:00:00Z', '2024-05-01T12:00:00', 'Unhealthy', 'pm25', null, [], {}),
  fc.string({ unit: 'binary', maxLength: 90 }),
  fc.integer(),
  fc.double(),
);

const mutation = fc.record({
  kind: fc.constantFrom('set', 'set', 'delete', 'add'),
  at: fc.nat(),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('constructor', 'prototype', '__proto__', 'pm25', 'quality')),
  value: oddValue,
});
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Every container in a JSON document, the root first. */
function containers(node: unknown): Json[] {
  if (typeof node !== 'object' || node === null) return [];
  return [node as Json, ...Object.values(node).flatMap(containers)];
}

function mutate(doc: unknown, changes: readonly Mutation[]): unknown {
  const copy: unknown = structuredClone(doc);
  for (const change of changes) {
    const all = containers(copy);
    const target = all[change.at % all.length];
    const keys = Object.keys(target);
    const key = keys.length > 0 ? keys[change.at % keys.length] : change.key;
    if (change.kind === 'delete' && Array.isArray(target)) target.splice(Number(key), 1);
    else if (change.kind === 'delete') delete (target as Record<string, unknown>)[key];
    else {
      // defineProperty, so that '__proto__' becomes an own key as JSON.parse would make it.
      const name = change.kind === 'add' && !Array.isArray(target) ? change.key : key;
      Object.defineProperty(target, name, { value: change.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy;
}

function expectSameIssues(precompiled: Validator<unknown>, runtime: Validator<unknown>, valid: unknown): void {
  let invalid = 0;
  const runs = 200;
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
      const input = mutate(valid, changes);
      const result = precompiled(input);
      if (!result.ok) invalid++;
      expect(result).toEqual(runtime(input));
    }),
    { numRuns: runs },
  );
  // The property says something only if most mutated inputs are rejected.
  expect(invalid).toBeGreaterThan(runs * 0.7);
}

describe('precompiled validators report what compileValidator reports', () => {
  const contractCases: EventContract<unknown>[] = [ReadingsEnrichedV1, ReadingsStoredV1, DeviceRegisteredV1];

  it.each(contractCases.map((c) => [`${c.name} v${c.version}`, c] as const))('%s: on malformed details', (_label, contract) => {
    // Prepare
    const runtime = compileValidator(contract.schema);

    // Act & Assess
    expectSameIssues(contract.validate, runtime, contract.sample.detail);
  });

  it('Reading: on malformed readings', () => {
    // Prepare
    const runtime = compileValidator(ReadingSchema);
    const valid = { deviceId: 'sensor-1', timestamp: '2024-05-01T12:00:00Z', measurements: { pm25: 1, humidity: 50 }, units: { o3: 'ppm' }, sequence: 3 };

    // Act & Assess
    expectSameIssues(validateReading, runtime, valid);
  });

  it('a schema using keywords the contracts do not (record keys with escaped characters, nested unions, enums, uniqueness)', () => {
    // Prepare
    const schema: TSchema = Type.Object(
      {
        tags: Type.Record(Type.String({ pattern: '^[a-z/~%]+$' }), Type.Integer({ minimum: 0, description: 'a count', rationale: 'counts are never negative' })),
        choice: Type.Union([Type.Union([Type.String({ format: 'date-time', description: 'a date' }), Type.Null()]), Type.Integer({ maximum: 9 })]),
        level: StringEnum(['low', 'high']),
        ids: Type.Array(Type.String({ maxLength: 3 }), { uniqueItems: true, maxItems: 3 }),
      },
      { additionalProperties: false },
    );
    const generatedLike = createPulseAjv({ verbose: false, messages: false }).compile(schema);
    const valid = { tags: { 'a/b': 1, '~x%': 2 }, choice: null, level: 'low', ids: ['a', 'b'] };

    // Act & Assess
    expectSameIssues(precompiledValidator(schema, generatedLike), compileValidator(schema), valid);
  });
});
