import { Type, type Static } from '@sinclair/typebox';

/** Pollutants with a US EPA AQI breakpoint table. */
export const POLLUTANTS = ['pm25', 'pm10', 'o3', 'no2', 'co', 'so2'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Everything a sensor may measure: the pollutants plus the two climate channels. */
export const MEASUREMENT_KEYS = [...POLLUTANTS, 'temperature', 'humidity'] as const;
export type MeasurementKey = (typeof MEASUREMENT_KEYS)[number];

const concentration = (what: string) =>
  Type.Number({ minimum: 0, description: what, rationale: 'concentrations cannot be negative' });

/**
 * One value per measured quantity. Ajv's strictNumbers rejects NaN and ±Infinity as
 * "not a number", so only finite values pass. Sensor units before transform, canonical
 * units after (PM µg/m³; O3, NO2, SO2 ppb; CO ppm; °C; %RH). Upper plausibility limits
 * are not rejections: transform flags them (beyond-sensor-range) instead.
 */
export const MeasurementsSchema = Type.Object(
  {
    pm25: Type.Optional(concentration('PM2.5')),
    pm10: Type.Optional(concentration('PM10')),
    o3: Type.Optional(concentration('ozone')),
    no2: Type.Optional(concentration('nitrogen dioxide')),
    co: Type.Optional(concentration('carbon monoxide')),
    so2: Type.Optional(concentration('sulphur dioxide')),
    temperature: Type.Optional(Type.Number({ description: 'air temperature' })),
    humidity: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100, description: 'relative humidity, %RH', rationale: 'relative humidity is a percentage' }),
    ),
  },
  { additionalProperties: false, minProperties: 1, rationale: 'a reading carries at least one measurement' },
);
export type Measurements = Static<typeof MeasurementsSchema>;
