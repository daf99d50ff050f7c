import { Type, type Static } from '@sinclair/typebox';

/** WGS 84 degrees. */
export const LocationSchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, rationale: 'latitude is within ±90°' }),
    lon: Type.Number({ minimum: -180, maximum: 180, rationale: 'longitude is within ±180°' }),
  },
  { additionalProperties: false },
);
export type Location = Static<typeof LocationSchema>;
