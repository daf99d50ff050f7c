import type { ApiKeyRecord } from '../domain/api-key';
import type { DeviceRecord } from '../domain/device-registration';

/**
 * The Fleets table: one item per fleet, per API key and per device, each under its own
 * partition key so the hot paths are single-key reads:
 *   FLEET#<fleetId>    the fleet
 *   KEY#<sha256 hex>   an API key, found by the hash of what a caller presents (authorizer: 1 GetItem)
 *   DEVICE#<deviceId>  a device's claim and registration (ownership: BatchGetItem; upsert: conditional Put)
 * The byFleet index (byFleetPk = FLEET#<fleetId>, byFleetSk = KEY#<keyId> | DEVICE#<deviceId>)
 * lists a fleet's keys and devices for the CLI.
 */
export const FLEETS_TABLE = 'Fleets';
export const BY_FLEET_INDEX = 'byFleet';
/** Epoch seconds; DynamoDB TTL removes rotated-out keys a while after they expired. */
export const PURGE_AT_ATTRIBUTE = 'purgeAt';
const PURGE_AFTER_EXPIRY_S = 30 * 86_400;

export const fleetPk = (fleetId: string) => `FLEET#${fleetId}`;
export const keyPk = (keyHash: string) => `KEY#${keyHash}`;
export const devicePk = (deviceId: string) => `DEVICE#${deviceId}`;

export function keyItem(record: ApiKeyRecord): Record<string, unknown> {
  return {
    pk: keyPk(record.keyHash),
    kind: 'key',
    ...record,
    byFleetPk: fleetPk(record.fleetId),
    byFleetSk: `KEY#${record.keyId}`,
    ...(record.expiresAt !== undefined ? { [PURGE_AT_ATTRIBUTE]: Math.ceil(record.expiresAt / 1000) + PURGE_AFTER_EXPIRY_S } : {}),
  };
}

export function keyRecordOf(item: Record<string, unknown>): ApiKeyRecord {
  const { keyHash, keyId, fleetId, role, status, createdAt, expiresAt } = item as unknown as ApiKeyRecord;
  return { keyHash, keyId, fleetId, role, status, createdAt, ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

export function deviceItem(record: DeviceRecord): Record<string, unknown> {
  return { pk: devicePk(record.deviceId), kind: 'device', ...record, byFleetPk: fleetPk(record.fleetId), byFleetSk: `DEVICE#${record.deviceId}` };
}

export function deviceRecordOf(item: Record<string, unknown>): DeviceRecord {
  const record: Record<string, unknown> = { ...item };
  for (const key of ['pk', 'kind', 'byFleetPk', 'byFleetSk']) delete record[key];
  return record as unknown as DeviceRecord;
}
