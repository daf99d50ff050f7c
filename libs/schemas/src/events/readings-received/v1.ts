import { Type, type Static } from '@sinclair/typebox';
import { MAX_READINGS_PER_EVENT } from '../../batch-limits';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/readings-received-v1';
import { FleetIdSchema, ReadingIdSchema } from '../../identifiers';
import { ReadingSchema } from '../../reading';
import { SOURCES } from '../../sources';
import { StringEnum } from '../../string-enum';
import { EpochMsSchema } from '../../time';
import sample from './v1.sample.json';

export const READINGS_RECEIVED = { source: SOURCES.ingest, detailType: 'ReadingsReceived' } as const;

export const INGEST_CHANNELS = ['http', 'kinesis', 's3'] as const;

/** A reading exactly as the sensor sent it (validated), plus the identity ingest gave it. */
export const ReceivedReadingSchema = Type.Object(
  { readingId: ReadingIdSchema, ...ReadingSchema.properties },
  { additionalProperties: false },
);
export type ReceivedReading = Static<typeof ReceivedReadingSchema>;

export const ReadingsReceivedV1DataSchema = Type.Object(
  {
    fleetId: FleetIdSchema,
    channel: StringEnum(INGEST_CHANNELS),
    receivedAt: EpochMsSchema,
    readings: Type.Array(ReceivedReadingSchema, { minItems: 1, maxItems: MAX_READINGS_PER_EVENT, rationale: 'one batch must fit one PutEvents entry' }),
  },
  { additionalProperties: false },
);
export type ReadingsReceivedV1Data = Static<typeof ReadingsReceivedV1DataSchema>;

export const ReadingsReceivedV1 = /* @__PURE__ */ definePrecompiledContract(
  READINGS_RECEIVED,
  {
    name: 'ReadingsReceived',
    version: 1,
    description: 'Readings ingest accepted (HTTP 202, a Kinesis record or an S3 drop), as sent.',
    data: ReadingsReceivedV1DataSchema,
    sample,
  },
  validateDetail,
);
