import { Type, type Static } from '@sinclair/typebox';
import validateReadingSchema from './generated/reading';
import { DeviceIdSchema } from './identifiers';
import { MeasurementsSchema } from './measurements';
import { SensorTimestampSchema } from './timestamp';
import { UnitsSchema } from './units';
import { precompiledValidator } from './precompiled-validator';

/** Public contract of what a sensor or gateway sends to ingest (one element of a POST). */
export const ReadingSchema = Type.Object(
  {
    deviceId: DeviceIdSchema,
    timestamp: SensorTimestampSchema,
    measurements: MeasurementsSchema,
    units: Type.Optional(UnitsSchema),
    sequence: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'per-device counter' })),
  },
  { additionalProperties: false },
);
export type Reading = Static<typeof ReadingSchema>;

/**
 * Schema rules only; the timestamp window needs a clock, so ingest adds
 * checkTimestampWindow(reading.timestamp, clock.nowMs()). Checked by the generated
 * src/generated/reading.js (`npx nx run schemas:generate-validators`).
 */
export const validateReading = /* @__PURE__ */ precompiledValidator(ReadingSchema, validateReadingSchema);
