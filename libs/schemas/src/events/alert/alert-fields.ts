import { Type } from '@sinclair/typebox';
import { AQI_CATEGORIES, AqiValueSchema, PollutantSchema } from '../../aqi';
import { AlertIdSchema, DeviceIdSchema, FleetIdSchema, ReadingIdSchema, ZoneIdSchema } from '../../identifiers';
import { StringEnum } from '../../string-enum';
import { EpochMsSchema } from '../../time';

/** What an alert is about; may grow (e.g. 'device-offline'), consumers ignore unknown kinds. */
export const ALERT_KINDS = ['zone-aqi'] as const;

/** Evidence, not the whole history: enough readings to look up, small enough for SNS. */
export const MAX_ALERT_READING_IDS = 100;

/** Fields AlertRaised and AlertResolved share, so the two can never drift apart. */
export const alertFields = {
  alertId: AlertIdSchema,
  kind: StringEnum(ALERT_KINDS),
  fleetId: FleetIdSchema,
  zoneId: Type.Optional(ZoneIdSchema),
  deviceId: Type.Optional(DeviceIdSchema),
  level: StringEnum(AQI_CATEGORIES, { description: 'AQI category at the latest evaluation' }),
  /**
   * The level's position in AQI_CATEGORIES (0 Good … 5 Hazardous): EventBridge patterns
   * compare numbers, not category names, so "Unhealthy or worse" is severity >= 3.
   */
  severity: Type.Integer({ minimum: 0, maximum: AQI_CATEGORIES.length - 1, description: 'index of level in the AQI categories' }),
  aqi: AqiValueSchema,
  dominant: PollutantSchema,
  firstTs: EpochMsSchema,
  lastTs: EpochMsSchema,
  readingIds: Type.Array(ReadingIdSchema, { minItems: 1, maxItems: MAX_ALERT_READING_IDS }),
  raisedAt: EpochMsSchema,
};
