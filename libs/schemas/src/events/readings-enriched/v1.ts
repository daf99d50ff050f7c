import { Type, type Static } from '@sinclair/typebox';
import { AqiSchema } from '../../aqi';
import { MAX_READINGS_PER_EVENT } from '../../batch-limits';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/readings-enriched-v1';
import { DeviceIdSchema, FleetIdSchema, ReadingIdSchema, ZoneIdSchema } from '../../identifiers';
import { LocationSchema } from '../../location';
import { MeasurementsSchema } from '../../measurements';
import { QualitySchema } from '../../quality';
import { SOURCES } from '../../sources';
import { EpochMsSchema } from '../../time';
import sample from './v1.sample.json';

export const READINGS_ENRICHED = { source: SOURCES.enrich, detailType: 'ReadingsEnriched' } as const;

/**
 * An unregistered device's reading still travels (flagged 'unregistered-device') with
 * zone, location and AQI null, so nothing acknowledged is dropped.
 */
export const EnrichedReadingSchema = Type.Object(
  {
    readingId: ReadingIdSchema,
    deviceId: DeviceIdSchema,
    ts: EpochMsSchema,
    registered: Type.Boolean(),
    zoneId: Type.Union([ZoneIdSchema, Type.Null()]),
    location: Type.Union([LocationSchema, Type.Null()]),
    measurements: MeasurementsSchema,
    aqi: Type.Union([AqiSchema, Type.Null()], { description: 'null when no pollutant with an AQI table was measured' }),
    quality: QualitySchema,
  },
  { additionalProperties: false },
);
export type EnrichedReading = Static<typeof EnrichedReadingSchema>;

export const ReadingsEnrichedV1DataSchema = Type.Object(
  {
    fleetId: FleetIdSchema,
    receivedAt: EpochMsSchema,
    readings: Type.Array(EnrichedReadingSchema, { minItems: 1, maxItems: MAX_READINGS_PER_EVENT, rationale: 'one batch must fit one PutEvents entry' }),
  },
  { additionalProperties: false },
);
export type ReadingsEnrichedV1Data = Static<typeof ReadingsEnrichedV1DataSchema>;

export const ReadingsEnrichedV1 = /* @__PURE__ */ definePrecompiledContract(
  READINGS_ENRICHED,
  {
    name: 'ReadingsEnriched',
    version: 1,
    description: 'Normalized readings with device zone and location, calibrated measurements and US EPA AQI.',
    data: ReadingsEnrichedV1DataSchema,
    sample,
  },
  validateDetail,
);
