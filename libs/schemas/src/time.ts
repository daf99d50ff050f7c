import { Type } from '@sinclair/typebox';
import { ISO_DATE_TIME_MAX_LENGTH } from './iso-date-time';

/** 9999-12-31T23:59:59.999Z: keeps every epoch-ms field at most 15 digits. */
export const MAX_EPOCH_MS = 253_402_300_799_999;

/** Canonical time inside `data`: integer epoch milliseconds, UTC. */
export const epochMs = (description = 'epoch milliseconds, UTC') =>
  Type.Integer({ minimum: 0, maximum: MAX_EPOCH_MS, description });
export const EpochMsSchema = epochMs();

/** RFC 3339 date-time with zone; the `date-time` format is checked by iso-date-time.ts. */
export const IsoDateTimeSchema = Type.String({
  format: 'date-time',
  maxLength: ISO_DATE_TIME_MAX_LENGTH,
  description: 'an ISO-8601 date-time with a zone, e.g. 2024-05-01T12:00:00Z',
});
