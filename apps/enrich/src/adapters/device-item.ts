import type { DeviceRecord } from '../domain/device';

/** A projection item: the record's fields as attributes, plus when it was written. */
export function itemFromDevice(record: DeviceRecord, projectedAt: number): Record<string, unknown> {
  return { ...record, projectedAt };
}

/**
 * Back from an item; this service is the table's only writer, so the shape is trusted,
 * but the status decides which fields exist, and an unknown status is a bug worth failing on.
 */
export function deviceFromItem(item: Record<string, unknown>): DeviceRecord {
  const fields: Record<string, unknown> = { ...item };
  delete fields['projectedAt'];
  const status = fields['status'];
  if (status !== 'active' && status !== 'retired') {
    throw new Error(`DeviceProjection item ${String(item['fleetId'])}/${String(item['deviceId'])} has unknown status ${String(status)}`);
  }
  return fields as unknown as DeviceRecord;
}
