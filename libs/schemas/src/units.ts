import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './string-enum';

export const TEMPERATURE_UNITS = ['C', 'F'] as const;
export const GAS_UNITS = ['ppb', 'ppm', 'ugm3'] as const;

const gasUnit = () => StringEnum(GAS_UNITS);

/**
 * Units a sensor declares for what it sent; transform converts to the canonical units.
 * Particulates have only one unit (µg/m³) and humidity only %RH, so they take none.
 */
export const UnitsSchema = Type.Object(
  {
    temperature: Type.Optional(StringEnum(TEMPERATURE_UNITS)),
    o3: Type.Optional(gasUnit()),
    no2: Type.Optional(gasUnit()),
    co: Type.Optional(gasUnit()),
    so2: Type.Optional(gasUnit()),
  },
  { additionalProperties: false },
);
export type Units = Static<typeof UnitsSchema>;
