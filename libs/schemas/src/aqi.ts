import { Type, type Static } from '@sinclair/typebox';
import { POLLUTANTS } from './measurements';
import { StringEnum } from './string-enum';

/** US EPA AQI category names, in increasing severity. */
export const AQI_CATEGORIES = [
  'Good',
  'Moderate',
  'Unhealthy for Sensitive Groups',
  'Unhealthy',
  'Very Unhealthy',
  'Hazardous',
] as const;
export type AqiCategory = (typeof AQI_CATEGORIES)[number];

/** Index values above 500 are "beyond the AQI" but still reported during e.g. wildfires. */
export const MAX_AQI = 999;

export const PollutantSchema = StringEnum(POLLUTANTS);

export const AqiValueSchema = Type.Integer({ minimum: 0, maximum: MAX_AQI });

/** One sub-index per pollutant the reading measured; `dominant` is the highest. */
const subIndex = () => Type.Optional(AqiValueSchema);

export const AqiSchema = Type.Object(
  {
    value: AqiValueSchema,
    category: StringEnum(AQI_CATEGORIES),
    dominant: PollutantSchema,
    subIndices: Type.Object(
      { pm25: subIndex(), pm10: subIndex(), o3: subIndex(), no2: subIndex(), co: subIndex(), so2: subIndex() },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);
export type Aqi = Static<typeof AqiSchema>;
