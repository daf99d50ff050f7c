import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './string-enum';

/**
 * Flags transform and enrich attach instead of dropping a reading. The list may grow
 * (a widened enum is a compatible change); consumers must ignore codes they do not know.
 */
export const QUALITY_CODES = [
  'temperature-out-of-range',
  'beyond-sensor-range',
  'sudden-jump',
  'suspect-unit',
  'duplicate-sequence',
  'unregistered-device',
  'uncalibrated',
  'aqi-capped',
] as const;
export type QualityCode = (typeof QUALITY_CODES)[number];

/** Room for codes added later without a new version; duplicates are meaningless. */
export const MAX_QUALITY_CODES = 16;

export const QualitySchema = Type.Array(StringEnum(QUALITY_CODES), { maxItems: MAX_QUALITY_CODES, uniqueItems: true });
export type Quality = Static<typeof QualitySchema>;
