import { Type, type Static } from '@sinclair/typebox';
import { isoDateTimeToEpochMs } from './iso-date-time';
import { IsoDateTimeSchema, MAX_EPOCH_MS } from './time';

/** A reading's time as the sensor sent it: ISO-8601 with zone, or epoch milliseconds. */
export const SensorTimestampSchema = Type.Union(
  [IsoDateTimeSchema, Type.Integer({ minimum: 0, maximum: MAX_EPOCH_MS })],
  { description: 'an ISO-8601 date-time with a zone (e.g. 2024-05-01T12:00:00Z) or integer epoch milliseconds' },
);
export type SensorTimestamp = Static<typeof SensorTimestampSchema>;

/** Epoch milliseconds of a sensor timestamp, or undefined when it is neither form. */
export function timestampToEpochMs(timestamp: string | number): number | undefined {
  if (typeof timestamp === 'number') {
    return Number.isInteger(timestamp) && timestamp >= 0 && timestamp <= MAX_EPOCH_MS ? timestamp : undefined;
  }
  return isoDateTimeToEpochMs(timestamp);
}
