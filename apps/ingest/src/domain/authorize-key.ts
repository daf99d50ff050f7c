import type { FleetRole } from '@pulse/service-kit';
import { hashApiKey, keyIdOf, keyState, sameHash, type ApiKeyRecord } from './api-key';
import { MAX_API_KEY_LENGTH } from './limits';

/** The port: the key record stored under a hash, if any. */
export interface ApiKeyLookup {
  findKey(keyHash: string): Promise<ApiKeyRecord | undefined>;
}

export type AuthDecision =
  | { ok: true; fleetId: string; role: FleetRole; keyId: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired'; keyId?: string };

/**
 * Decides on a presented API key. The decision names the key only by its id (a hash
 * prefix), so it can be logged; the key itself never leaves this function.
 */
export async function authorizeKey(presented: string | undefined, lookup: ApiKeyLookup, nowMs: number): Promise<AuthDecision> {
  if (presented === undefined || presented.trim() === '') return { ok: false, reason: 'missing' };
  if (presented.length > MAX_API_KEY_LENGTH) return { ok: false, reason: 'malformed' };
  const keyHash = hashApiKey(presented);
  const keyId = keyIdOf(keyHash);
  const record = await lookup.findKey(keyHash);
  if (!record || !sameHash(record.keyHash, keyHash)) return { ok: false, reason: 'unknown', keyId };
  const state = keyState(record, nowMs);
  if (state !== 'usable') return { ok: false, reason: state, keyId };
  return { ok: true, fleetId: record.fleetId, role: record.role, keyId };
}
