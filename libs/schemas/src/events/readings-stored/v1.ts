import { Type, type Static } from '@sinclair/typebox';
import { MAX_READINGS_PER_EVENT } from '../../batch-limits';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/readings-stored-v1';
import { FleetIdSchema, ReadingIdSchema, ZoneIdSchema } from '../../identifiers';
import { SOURCES } from '../../sources';
import { EpochMsSchema, epochMs } from '../../time';
import sample from './v1.sample.json';

export const READINGS_STORED = { source: SOURCES.persist, detailType: 'ReadingsStored' } as const;

export const ReadingsStoredV1DataSchema = Type.Object(
  {
    fleetId: FleetIdSchema,
    receivedAt: epochMs('earliest receivedAt of the stored readings, for end-to-end latency'),
    storedAt: EpochMsSchema,
    count: Type.Integer({ minimum: 1, maximum: MAX_READINGS_PER_EVENT }),
    readingIds: Type.Array(ReadingIdSchema, { minItems: 1, maxItems: MAX_READINGS_PER_EVENT }),
    zoneIds: Type.Array(ZoneIdSchema, { maxItems: MAX_READINGS_PER_EVENT, uniqueItems: true, description: 'zones of the stored readings, whose ZoneStatus was updated' }),
  },
  { additionalProperties: false },
);
export type ReadingsStoredV1Data = Static<typeof ReadingsStoredV1DataSchema>;

export const ReadingsStoredV1 = /* @__PURE__ */ definePrecompiledContract(
  READINGS_STORED,
  {
    name: 'ReadingsStored',
    version: 1,
    description: 'Readings durably written to the Readings table (idempotent by readingId).',
    data: ReadingsStoredV1DataSchema,
    sample,
  },
  validateDetail,
);
