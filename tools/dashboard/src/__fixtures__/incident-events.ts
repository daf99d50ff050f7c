import {
  AlertRaisedV1,
  ReadingsEnrichedV1,
  ReadingsNormalizedV1,
  ReadingsReceivedV1,
  ReadingsStoredV1,
  type EventContract,
} from '@pulse/schemas';
import type { AlertBody, StoredReading } from './city-data';

export interface ContractEvent {
  readonly contract: EventContract<unknown>;
  readonly detail: { metadata: Record<string, unknown>; data: unknown };
}

/**
 * One incident reading's path as the five services would publish it: the golden samples,
 * adjusted to this reading and alert, each validated by its contract.
 */
export function incidentEvents(fleetId: string, reading: StoredReading, alert: AlertBody): ContractEvent[] {
  const batch = (n: number) => `01HWZ6Q${n}X8J3K9M2N4P5R7S8T${n}`;
  const metadata = (n: number, at: number) => ({
    version: 1,
    batchId: batch(n),
    correlationId: `Root=1-${Math.floor(reading.ts / 1000).toString(16)}-incident`,
    producedAt: new Date(at).toISOString(),
    ...(n > 1 ? { causationId: batch(n - 1) } : {}),
  });
  const { readingId, deviceId, ts, measurements, receivedAt, storedAt } = reading;
  const received = ReadingsReceivedV1.sample.detail.data;
  const enrichedReading = {
    readingId, deviceId, ts, registered: reading.registered, zoneId: reading.zoneId, location: reading.location,
    measurements, aqi: reading.aqi, quality: reading.quality,
  };
  const events: ContractEvent[] = [
    { contract: ReadingsReceivedV1, detail: { metadata: metadata(1, receivedAt), data: { ...received, fleetId, receivedAt, readings: [{ readingId, deviceId, timestamp: ts, measurements }] } } },
    { contract: ReadingsNormalizedV1, detail: { metadata: metadata(2, receivedAt + 50), data: { fleetId, receivedAt, duplicatesRemoved: 0, readings: [{ readingId, deviceId, ts, measurements, quality: [] }] } } },
    { contract: ReadingsEnrichedV1, detail: { metadata: metadata(3, receivedAt + 120), data: { fleetId, receivedAt, readings: [enrichedReading] } } },
    { contract: ReadingsStoredV1, detail: { metadata: metadata(4, storedAt), data: { fleetId, receivedAt, storedAt, count: 1, readingIds: [readingId], zoneIds: [reading.zoneId] } } },
    { contract: AlertRaisedV1, detail: { metadata: { ...metadata(5, alert.raisedAt), causationId: batch(3) }, data: alertData(alert) } },
  ];
  for (const { contract, detail } of events) {
    const verdict = contract.validate(detail);
    if (!verdict.ok) throw new Error(`fixture ${contract.name} breaks its contract: ${JSON.stringify(verdict.errors)}`);
  }
  return events;
}

function alertData(alert: AlertBody) {
  const { alertId, kind, fleetId, zoneId, level, severity, aqi, dominant, firstTs, lastTs, readingIds, raisedAt } = alert;
  return { alertId, kind, fleetId, zoneId, level, severity, aqi, dominant, firstTs, lastTs, readingIds, raisedAt };
}
