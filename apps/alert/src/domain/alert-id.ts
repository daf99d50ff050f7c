import { createHash } from 'node:crypto';

const ALERT_ID_MAX_LENGTH = 128;

/**
 * Deterministic, so a retried or concurrent evaluation of the same exceedances names the same
 * alert: `<fleetId>:zone-aqi:<zoneId>:<firstTs>` (the golden sample's shape). Fleet and zone
 * ids may be 64 characters each; when the id would exceed the contract's 128, the zone part
 * becomes a 24-hex digest of the zone id (still deterministic, still unique in practice).
 */
export function zoneAlertId(fleetId: string, zoneId: string, firstTs: number): string {
  const plain = `${fleetId}:zone-aqi:${zoneId}:${firstTs}`;
  if (plain.length <= ALERT_ID_MAX_LENGTH) return plain;
  const digest = createHash('sha256').update(zoneId).digest('hex').slice(0, 24);
  return `${fleetId}:zone-aqi:${digest}:${firstTs}`;
}
