import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ReadingItem } from '../domain/reading-item';
import type { ZoneStatus } from '../domain/zone-status';

/** An item as the low-level client sends it. */
export type Attributes = Record<string, AttributeValue>;

/**
 * The two items store-readings writes, marshalled by hand. Their shapes are fixed, so this is a
 * few object literals instead of the DocumentClient's per-value type dispatch, which led
 * store-readings' CPU profile. The output is exactly what the DocumentClient sends (with
 * `removeUndefinedValues`), including the numbers it refuses (attribute-values.spec.ts compares
 * both); anything added to the items must be added here, which that spec catches.
 */
export function readingAttributes(item: ReadingItem): Attributes {
  const attributes: Attributes = {
    pk: { S: item.pk },
    ts: numberValue(item.ts),
    registered: { BOOL: item.registered },
    location: item.location === null ? { NULL: true } : { M: { lat: numberValue(item.location.lat), lon: numberValue(item.location.lon) } },
    measurements: numberMap(item.measurements),
    aqi:
      item.aqi === null
        ? { NULL: true }
        : { M: { value: numberValue(item.aqi.value), category: { S: item.aqi.category }, dominant: { S: item.aqi.dominant }, subIndices: numberMap(item.aqi.subIndices) } },
    quality: { L: item.quality.map((code) => ({ S: code })) },
    receivedAt: numberValue(item.receivedAt),
    storedAt: numberValue(item.storedAt),
    expiresAt: numberValue(item.expiresAt),
  };
  if (item.zoneKey !== undefined) attributes.zoneKey = { S: item.zoneKey };
  return attributes;
}

export function zoneStatusAttributes(status: ZoneStatus): Attributes {
  return {
    fleetId: { S: status.fleetId },
    zoneId: { S: status.zoneId },
    aqi: numberValue(status.aqi),
    category: { S: status.category },
    dominant: { S: status.dominant },
    updatedAt: numberValue(status.updatedAt),
    readingId: { S: status.readingId },
    deviceId: { S: status.deviceId },
    storedAt: numberValue(status.storedAt),
  };
}

/**
 * A number as the DocumentClient writes it (`toString()`), refusing what it refuses: NaN and
 * ±Infinity, and magnitudes past 2^53 − 1, which a JS number cannot carry exactly.
 */
export function numberValue(value: number): AttributeValue.NMember {
  if (!Number.isFinite(value)) throw new Error(`Special numeric value ${value} is not allowed`);
  if (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER) throw new Error(`Number ${value} is outside the safe integer range and cannot be stored exactly`);
  return { N: value.toString() };
}

/** Measurements, AQI sub-indices: optional keys that are absent (or undefined) are left out. */
function numberMap(values: Readonly<Record<string, number | undefined>>): AttributeValue.MMember {
  const M: Attributes = {};
  for (const key in values) {
    const value = values[key];
    if (value !== undefined) M[key] = numberValue(value);
  }
  return { M };
}
