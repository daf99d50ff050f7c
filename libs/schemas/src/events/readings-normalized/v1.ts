import { Type, type Static } from '@sinclair/typebox';
import { MAX_READINGS_PER_EVENT } from '../../batch-limits';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/readings-normalized-v1';
import { DeviceIdSchema, FleetIdSchema, ReadingIdSchema } from '../../identifiers';
import { MeasurementsSchema } from '../../measurements';
import { QualitySchema } from '../../quality';
import { SOURCES } from '../../sources';
import { EpochMsSchema } from '../../time';
import sample from './v1.sample.json';

export const READINGS_NORMALIZED = { source: SOURCES.transform, detailType: 'ReadingsNormalized' } as const;

/** Canonical units (PM µg/m³; O3, NO2, SO2 ppb; CO ppm; °C; %RH) and epoch-ms time. */
export const NormalizedReadingSchema = Type.Object(
  {
    readingId: ReadingIdSchema,
    deviceId: DeviceIdSchema,
    ts: EpochMsSchema,
    measurements: MeasurementsSchema,
    quality: QualitySchema,
  },
  { additionalProperties: false },
);
export type NormalizedReading = Static<typeof NormalizedReadingSchema>;

export const ReadingsNormalizedV1DataSchema = Type.Object(
  {
    fleetId: FleetIdSchema,
    receivedAt: EpochMsSchema,
    readings: Type.Array(NormalizedReadingSchema, { minItems: 1, maxItems: MAX_READINGS_PER_EVENT, rationale: 'one batch must fit one PutEvents entry' }),
    duplicatesRemoved: Type.Integer({ minimum: 0, maximum: MAX_READINGS_PER_EVENT, description: 'readings of the received batch that repeated a readingId' }),
  },
  { additionalProperties: false },
);
export type ReadingsNormalizedV1Data = Static<typeof ReadingsNormalizedV1DataSchema>;

export const ReadingsNormalizedV1 = /* @__PURE__ */ definePrecompiledContract(
  READINGS_NORMALIZED,
  {
    name: 'ReadingsNormalized',
    version: 1,
    description: 'A received batch in canonical units and time, flagged (never filtered) with quality codes.',
    data: ReadingsNormalizedV1DataSchema,
    sample,
  },
  validateDetail,
);
