import { Type, type Static } from '@sinclair/typebox';

// Every identifier is bounded, pattern-restricted ASCII with no character JSON has to
// escape, so its encoded size is exactly its length (see max-json-bytes.ts).

export const DEVICE_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
export const DeviceIdSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: DEVICE_ID_PATTERN,
  description: "1–64 characters of A–Z, a–z, 0–9, '_' or '-'",
});

/** Fleet ids begin table keys and S3 prefixes (`incoming/<fleetId>/`), hence lower case. */
export const FLEET_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
export const FleetIdSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: FLEET_ID_PATTERN,
  description: "1–64 characters of a–z, 0–9 or '-', not starting with '-'",
});
export type FleetId = Static<typeof FleetIdSchema>;

export const ZoneIdSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: DEVICE_ID_PATTERN,
  description: "1–64 characters of A–Z, a–z, 0–9, '_' or '-'",
});

/** `<deviceId>@<epoch ms>`: the epoch part is at most 15 digits (see MAX_EPOCH_MS). */
export const READING_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}@[0-9]{1,15}$';
export const ReadingIdSchema = Type.String({
  minLength: 3,
  maxLength: 80,
  pattern: READING_ID_PATTERN,
  description: '<deviceId>@<epoch milliseconds>',
});

export const BatchIdSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_.:-]{1,64}$',
  description: "1–64 characters of A–Z, a–z, 0–9, '_', '.', ':' or '-' (a UUID or ULID fits)",
});

/** Wide enough for an X-Ray trace header (`Root=1-…;Parent=…`) or a client's request id. */
export const CorrelationIdSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9_.:;=/+-]{1,128}$',
  description: "1–128 characters of A–Z, a–z, 0–9 or _ . : ; = / + -",
});

export const AlertIdSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9_.:@-]{1,128}$',
  description: "1–128 characters of A–Z, a–z, 0–9 or _ . : @ -",
});
