import { compareContracts, compareSchemas, type CompatIssue } from './compat';
import { contracts } from './contracts';
import { toRegistrySchema } from './registry-schema';

/** A small event schema in the shape Pulse contracts have. */
function base() {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['fleetId', 'channel', 'readings'],
    properties: {
      fleetId: { type: 'string', maxLength: 64, pattern: '^[a-z0-9-]+$' },
      channel: { type: 'string', enum: ['http', 'kinesis'] },
      count: { type: 'integer', minimum: 0, maximum: 200 },
      note: { type: 'string', maxLength: 100 },
      zoneId: { anyOf: [{ type: 'string', maxLength: 64 }, { type: 'null' }] },
      readings: {
        type: 'array',
        maxItems: 200,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['deviceId'],
          properties: { deviceId: { type: 'string', maxLength: 64 }, value: { type: 'number' } },
        },
      },
    },
  };
}
type Fixture = ReturnType<typeof base> & Record<string, unknown>;

function changed(edit: (s: Fixture) => void): Fixture {
  const next = structuredClone(base()) as Fixture;
  edit(next);
  return next;
}

const kinds = (issues: CompatIssue[]) => issues.map(({ path, kind }) => ({ path, kind }));

describe('compareSchemas: breaking changes', () => {
  it.each([
    ['a removed field', (s: Fixture) => delete (s.properties as Record<string, unknown>)['note'], 'note', 'field-removed'],
    [
      'a renamed field',
      (s: Fixture) => {
        const props = s.properties as Record<string, unknown>;
        props['remark'] = props['note'];
        delete props['note'];
      },
      'note',
      'field-renamed',
    ],
    ['a removed nested field', (s: Fixture) => delete (s.properties.readings.items.properties as Record<string, unknown>)['value'], 'readings[].value', 'field-removed'],
    [
      'a new required field',
      (s: Fixture) => {
        (s.properties as Record<string, unknown>)['site'] = { type: 'string', maxLength: 10 };
        s.required.push('site');
      },
      'site',
      'required-added',
    ],
    ['an optional field made required', (s: Fixture) => s.required.push('note'), 'note', 'required-added'],
    ['a narrowed type (number → integer)', (s: Fixture) => (s.properties.readings.items.properties.value.type = 'integer'), 'readings[].value', 'type-narrowed'],
    ['a changed type (integer → string)', (s: Fixture) => Object.assign(s.properties.count, { type: 'string', minimum: undefined, maximum: undefined }), 'count', 'type-narrowed'],
    ['a dropped null alternative', (s: Fixture) => (s.properties.zoneId = { anyOf: [{ type: 'string', maxLength: 64 }] }), 'zoneId', 'type-narrowed'],
    ['a narrowed enum', (s: Fixture) => (s.properties.channel.enum = ['http']), 'channel', 'enum-narrowed'],
    ['a lower maxLength', (s: Fixture) => (s.properties.note.maxLength = 50), 'note', 'bound-narrowed'],
    ['a raised minimum', (s: Fixture) => (s.properties.count.minimum = 1), 'count', 'bound-narrowed'],
    ['a lower maxItems', (s: Fixture) => (s.properties.readings.maxItems = 100), 'readings', 'bound-narrowed'],
    ['a changed pattern', (s: Fixture) => (s.properties.fleetId.pattern = '^[a-z]+$'), 'fleetId', 'pattern-changed'],
    ['a new format', (s: Fixture) => Object.assign(s.properties.note, { format: 'date-time' }), 'note', 'format-changed'],
  ])('reports %s', (_label, edit, path, kind) => {
    // Prepare
    const next = changed(edit);

    // Act
    const issues = compareSchemas(base(), next);

    // Assess
    expect(kinds(issues)).toEqual([{ path, kind }]);
    expect(issues[0].message.length).toBeGreaterThan(10);
  });

  it('reports closing an open object to unknown fields', () => {
    // Prepare
    const previous = { type: 'object', properties: { a: { type: 'string' } } };
    const next = { ...previous, additionalProperties: false };

    // Act
    const issues = compareSchemas(previous, next, 'detail');

    // Assess
    expect(kinds(issues)).toEqual([{ path: 'detail', kind: 'closed-to-unknown-fields' }]);
  });

  it('reads exclusive bounds in both Draft 4 and later dialects', () => {
    // Prepare
    const previous = { type: 'number', minimum: 0 };
    const draft4 = { type: 'number', minimum: 0, exclusiveMinimum: true };
    const later = { type: 'number', exclusiveMinimum: 0 };

    // Act
    const issues = [compareSchemas(previous, draft4), compareSchemas(previous, later), compareSchemas(later, draft4)];

    // Assess
    expect(issues.map((i) => i.map((x) => x.kind))).toEqual([['bound-narrowed'], ['bound-narrowed'], []]);
  });
});

describe('compareSchemas: additive changes pass', () => {
  it.each([
    ['a new optional field', (s: Fixture) => ((s.properties as Record<string, unknown>)['site'] = { type: 'string', maxLength: 10 })],
    ['a widened enum', (s: Fixture) => (s.properties.channel.enum = ['http', 'kinesis', 's3'])],
    ['a widened type (integer → number)', (s: Fixture) => (s.properties.count.type = 'number')],
    ['a raised maxLength and maxItems', (s: Fixture) => ((s.properties.note.maxLength = 500), (s.properties.readings.maxItems = 400))],
    ['a dropped minimum', (s: Fixture) => delete (s.properties.count as Record<string, unknown>)['minimum']],
    ['a required field made optional', (s: Fixture) => (s.required = ['fleetId', 'readings'])],
    ['a new nullable alternative', (s: Fixture) => (s.properties.note = { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'null' }] } as never)],
  ])('accepts %s', (_label, edit) => {
    // Act
    const issues = compareSchemas(base(), changed(edit));

    // Assess
    expect(issues).toEqual([]);
  });
});

describe('compareContracts', () => {
  it('finds no difference between a contract and itself', () => {
    // Act
    const issues = contracts.flatMap((c) => compareContracts(toRegistrySchema(c), toRegistrySchema(c)));

    // Assess
    expect(issues).toEqual([]);
  });

  it('reports a changed source and detail-type', () => {
    // Prepare
    const contract = contracts[0];
    const previous = toRegistrySchema(contract);
    const next = toRegistrySchema({ ...contract, source: 'pulse.gateway', detailType: 'ReadingsArrived' });

    // Act
    const issues = compareContracts(previous, next);

    // Assess
    expect(kinds(issues)).toEqual([
      { path: 'source', kind: 'source-changed' },
      { path: 'detail-type', kind: 'detail-type-changed' },
    ]);
  });
});
