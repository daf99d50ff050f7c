import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { EventContract, EventDetail, ValidationIssue } from '../contract-types';

// Small stand-ins shaped like @pulse/schemas contracts, so the kit's tests do not depend on
// the contracts lib's progress.

const Metadata = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  batchId: Type.String({ minLength: 1 }),
  correlationId: Type.String({ minLength: 1 }),
  producedAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T' }),
});

export const ReadingsData = Type.Object({
  fleetId: Type.String({ minLength: 1 }),
  readings: Type.Array(
    Type.Object({
      readingId: Type.String(),
      deviceId: Type.String(),
      measurements: Type.Object({ pm25: Type.Optional(Type.Number({ minimum: 0 })) }),
    }),
    { maxItems: 500 },
  ),
});
export type ReadingsData = Static<typeof ReadingsData>;

export const DeviceData = Type.Object({ fleetId: Type.String(), deviceId: Type.String(), zone: Type.String() });
export type DeviceData = Static<typeof DeviceData>;

function fixtureContract<T extends TSchema>(
  source: string,
  detailType: string,
  dataSchema: T,
  data: Static<T>,
): EventContract<Static<T>> {
  const schema = Type.Object({ metadata: Metadata, data: dataSchema });
  const check = TypeCompiler.Compile(schema);
  return {
    name: `${detailType}.v1`,
    source,
    detailType,
    version: 1,
    schema,
    dataSchema,
    validate(detail: unknown) {
      if (check.Check(detail)) return { ok: true, value: detail as unknown as EventDetail<Static<T>> };
      const errors: ValidationIssue[] = [...check.Errors(detail)].map((e) => ({
        path: e.path.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.'),
        rule: String(e.type),
        message: e.message,
      }));
      return { ok: false, errors };
    },
    sample: {
      source,
      'detail-type': detailType,
      detail: {
        metadata: { version: 1, batchId: 'b-1', correlationId: 'c-1', producedAt: '2026-01-01T00:00:00.000Z' },
        data,
      },
    },
  };
}

export const ReadingsReceived = fixtureContract('pulse.ingest', 'ReadingsReceived', ReadingsData, {
  fleetId: 'fleet-1',
  readings: [{ readingId: 'd1@1767225600000', deviceId: 'd1', measurements: { pm25: 12.5 } }],
});

export const DeviceRegistered = fixtureContract('pulse.ingest', 'DeviceRegistered', DeviceData, {
  fleetId: 'fleet-1',
  deviceId: 'd1',
  zone: 'z1',
});

export const ReadingsNormalized = fixtureContract('pulse.transform', 'ReadingsNormalized', ReadingsData, {
  fleetId: 'fleet-1',
  readings: [],
});
