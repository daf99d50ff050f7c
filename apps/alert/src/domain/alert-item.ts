import { Type, type Static } from '@sinclair/typebox';
import {
  ALERT_KINDS,
  AQI_CATEGORIES,
  AlertIdSchema,
  AqiValueSchema,
  EpochMsSchema,
  FleetIdSchema,
  MAX_ALERT_READING_IDS,
  PollutantSchema,
  ReadingIdSchema,
  StringEnum,
  ZoneIdSchema,
  type AlertRaisedV1Data,
  type AlertResolvedV1Data,
} from '@pulse/schemas';

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * One alert as GET /v1/alerts lists it. Level, severity, AQI and evidence are those of the
 * raise (what paged someone); lastTs and resolvedAt follow the resolution.
 */
export const AlertItemSchema = Type.Object(
  {
    alertId: AlertIdSchema,
    kind: StringEnum(ALERT_KINDS),
    fleetId: FleetIdSchema,
    zoneId: ZoneIdSchema,
    status: StringEnum(ALERT_STATUSES),
    level: StringEnum(AQI_CATEGORIES),
    severity: Type.Integer({ minimum: 0, maximum: AQI_CATEGORIES.length - 1 }),
    aqi: AqiValueSchema,
    dominant: PollutantSchema,
    firstTs: EpochMsSchema,
    lastTs: EpochMsSchema,
    readingIds: Type.Array(ReadingIdSchema, { maxItems: MAX_ALERT_READING_IDS }),
    raisedAt: EpochMsSchema,
    resolvedAt: Type.Optional(EpochMsSchema),
  },
  { additionalProperties: false, title: 'Alert' },
);
export type AlertItem = Static<typeof AlertItemSchema>;

export function raisedItem(data: AlertRaisedV1Data): AlertItem {
  return {
    alertId: data.alertId,
    kind: data.kind,
    fleetId: data.fleetId,
    zoneId: data.zoneId ?? '',
    status: 'open',
    level: data.level,
    severity: data.severity,
    aqi: data.aqi,
    dominant: data.dominant,
    firstTs: data.firstTs,
    lastTs: data.lastTs,
    readingIds: data.readingIds,
    raisedAt: data.raisedAt,
  };
}

/** Only when the raised item is missing (never projected): the resolution is all we know. */
export function resolvedItem(data: AlertResolvedV1Data): AlertItem {
  const { resolvedAt, ...raised } = data;
  return { ...raisedItem(raised), status: 'resolved', resolvedAt };
}
