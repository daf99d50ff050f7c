import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { defineContract } from '@pulse/schemas';

// Small contracts made the way @pulse/schemas makes the real ones, so the kit's tests can
// shape data (sizes, failures) freely without depending on the real events' fields.

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

function fixtureContract<T extends TSchema>(source: string, detailType: string, dataSchema: T, data: Static<T>) {
  const metadata = { version: 1, batchId: 'b-1', correlationId: 'c-1', producedAt: '2026-01-01T00:00:00.000Z' };
  return defineContract({
    name: detailType,
    source,
    detailType,
    version: 1,
    description: `fixture ${detailType}`,
    data: dataSchema,
    sample: { source, 'detail-type': detailType, detail: { metadata, data } },
  });
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
