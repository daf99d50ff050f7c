import { batchContracts, contracts } from './contracts';
import { createDetail, type EventContract } from './envelope';
import { ReadingsReceivedV1, READINGS_RECEIVED } from './events/readings-received/v1';
import { SOURCES } from './sources';

type Schema = Record<string, unknown>;

/** Every object schema reachable from a root, with its path. */
function objectSchemas(schema: Schema, path = ''): [string, Schema][] {
  const found: [string, Schema][] = schema['type'] === 'object' ? [[path, schema]] : [];
  for (const [key, child] of Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)) found.push(...objectSchemas(child, `${path}.${key}`));
  for (const branch of (schema['anyOf'] ?? []) as Schema[]) found.push(...objectSchemas(branch, path));
  if (schema['items']) found.push(...objectSchemas(schema['items'] as Schema, `${path}[]`));
  return found;
}

describe.each(contracts.map((c) => [`${c.name} v${c.version}`, c] as const))('%s', (_label, contract: EventContract<unknown>) => {
  it('golden sample detail validates against the contract', () => {
    // Act
    const result = contract.validate(contract.sample.detail);

    // Assess
    expect(result).toEqual({ ok: true, value: contract.sample.detail });
  });

  it('golden sample is a complete EventBridge event of this source and detail-type', () => {
    // Prepare
    const sample = contract.sample;

    // Assess
    expect(Object.keys(sample).sort()).toEqual(['account', 'detail', 'detail-type', 'id', 'region', 'resources', 'source', 'time', 'version']);
    expect([sample.source, sample['detail-type'], sample.version]).toEqual([contract.source, contract.detailType, '0']);
    expect(sample.detail.metadata.version).toBe(contract.version);
    expect(Object.values(SOURCES)).toContain(contract.source);
  });

  it('rejects unknown fields everywhere: every object schema is closed', () => {
    // Act
    const open = objectSchemas(contract.schema as unknown as Schema).filter(([, s]) => s['additionalProperties'] !== false);

    // Assess
    expect(open.map(([path]) => path)).toEqual([]);
  });

  it('rejects a detail carrying another metadata version', () => {
    // Prepare
    const detail = { ...contract.sample.detail, metadata: { ...contract.sample.detail.metadata, version: contract.version + 1 } };

    // Act
    const result = contract.validate(detail);

    // Assess
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.rule])).toEqual([['metadata.version', 'const']]);
  });

  it('rejects a detail without data, naming the path', () => {
    // Act
    const result = contract.validate({ metadata: contract.sample.detail.metadata });

    // Assess
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'data', rule: 'required', message: "'data' is required" }]);
  });
});

describe('contracts list', () => {
  it('holds each name and version once, and batch contracts are the readings events', () => {
    // Act
    const keys = contracts.map((c) => `${c.name}@${c.version}`);

    // Assess
    expect(new Set(keys).size).toBe(keys.length);
    expect(batchContracts.map((c) => c.name)).toEqual(['ReadingsReceived', 'ReadingsNormalized', 'ReadingsEnriched']);
  });

  it('exposes source/detail-type constants identical to the contract', () => {
    // Assess
    expect(READINGS_RECEIVED).toEqual({ source: 'pulse.ingest', detailType: 'ReadingsReceived' });
    expect([ReadingsReceivedV1.source, ReadingsReceivedV1.detailType]).toEqual([READINGS_RECEIVED.source, READINGS_RECEIVED.detailType]);
  });
});

describe('createDetail', () => {
  it('wraps data with metadata pinned to the contract version, producing a valid detail', () => {
    // Prepare
    const data = ReadingsReceivedV1.sample.detail.data;

    // Act
    const detail = createDetail(ReadingsReceivedV1, data, {
      batchId: 'b-2',
      correlationId: 'c-2',
      producedAt: '2024-05-01T12:00:02Z',
    });

    // Assess
    expect(detail.metadata.version).toBe(1);
    expect(ReadingsReceivedV1.validate(detail).ok).toBe(true);
  });
});

describe('ReadingsReceived reading path in errors', () => {
  it('points at the offending reading by index', () => {
    // Prepare
    const detail = structuredClone(ReadingsReceivedV1.sample.detail) as { data: { readings: { measurements: Record<string, unknown> }[] } };
    detail.data.readings[1].measurements['pm25'] = -1;

    // Act
    const result = ReadingsReceivedV1.validate(detail);

    // Assess
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.rule])).toEqual([['data.readings[1].measurements.pm25', 'minimum']]);
  });
});
