import { Type } from '@sinclair/typebox';
import {
  AQI_CATEGORIES,
  AqiValueSchema,
  DEVICE_ID_PATTERN,
  DeviceIdSchema,
  EnrichedReadingSchema,
  EpochMsSchema,
  PollutantSchema,
  ReadingIdSchema,
  StringEnum,
  ZoneIdSchema,
} from '@pulse/schemas';

export const MAX_PAGE_LIMIT = 1000;
export const DEFAULT_PAGE_LIMIT = 100;

/** A stored reading: the enriched reading plus when it reached ingest and the table. */
export const StoredReadingSchema = Type.Object(
  { ...EnrichedReadingSchema.properties, receivedAt: EpochMsSchema, storedAt: EpochMsSchema },
  { additionalProperties: false, title: 'StoredReading' },
);

export const ZoneStatusSchema = Type.Object(
  {
    zoneId: ZoneIdSchema,
    aqi: AqiValueSchema,
    category: StringEnum(AQI_CATEGORIES),
    dominant: PollutantSchema,
    updatedAt: { ...EpochMsSchema, description: 'time of the reading the status comes from' },
    readingId: ReadingIdSchema,
    deviceId: DeviceIdSchema,
  },
  { additionalProperties: false, title: 'ZoneStatus' },
);

const time = (what: string) =>
  Type.Optional(Type.String({ description: `${what}: epoch milliseconds or an RFC 3339 date-time`, maxLength: 35 }));

export const DeviceReadingsQuerySchema = Type.Object({
  from: time('Oldest reading time, inclusive (default and floor: the retention limit)'),
  to: time('Newest reading time, inclusive (default: no limit)'),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })),
  cursor: Type.Optional(Type.String({ description: 'Opaque nextCursor of the previous page' })),
});

export const ZoneReadingsQuerySchema = Type.Object({
  since: time('Oldest reading time, inclusive (default: one hour before now; raised to the retention limit)'),
  until: time('Newest reading time, inclusive (default: now)'),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })),
  cursor: Type.Optional(Type.String({ description: 'Opaque nextCursor of the previous page (it keeps the first page’s since)' })),
});

export const ZonesQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })),
  cursor: Type.Optional(Type.String({ description: 'Opaque nextCursor of the previous page' })),
});

export const DeviceIdParameter = Type.String({ pattern: DEVICE_ID_PATTERN, description: 'the device id' });

export const ZoneIdParameter = Type.String({ pattern: DEVICE_ID_PATTERN, description: 'the zone id' });
