import { FLEET_ID_PATTERN } from '@pulse/schemas';
import type { Clock, FleetRole } from '@pulse/service-kit';
import { FLEET_ROLES, generateApiKey, hashApiKey, keyIdOf, keyState, type ApiKeyRecord } from './api-key';

/** The port the fleet and key commands need of the Fleets table. */
export interface FleetStore {
  /** False when the fleet already exists. */
  createFleet(fleetId: string, createdAt: number): Promise<boolean>;
  fleetExists(fleetId: string): Promise<boolean>;
  putKey(record: ApiKeyRecord): Promise<void>;
  listKeys(fleetId: string): Promise<ApiKeyRecord[]>;
  updateKey(record: ApiKeyRecord): Promise<void>;
}

/** A refusal a person can act on (unknown fleet, ambiguous key id, …). */
export class FleetAdminError extends Error {
  override readonly name = 'FleetAdminError';
}

export interface IssuedKey {
  /** Shown once; only its hash is stored. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

const FLEET_ID = new RegExp(FLEET_ID_PATTERN);

export function fleetAdmin(store: FleetStore, clock: Clock, newKey: () => string = generateApiKey) {
  const requireFleet = async (fleetId: string) => {
    if (!(await store.fleetExists(fleetId))) throw new FleetAdminError(`no fleet '${fleetId}'; create it first with: pulse fleets create ${fleetId}`);
  };
  const findKey = async (fleetId: string, keyIdPrefix: string): Promise<ApiKeyRecord> => {
    if (keyIdPrefix.length < 4) throw new FleetAdminError('give at least 4 characters of the key id');
    const matches = (await store.listKeys(fleetId)).filter((k) => k.keyId.startsWith(keyIdPrefix.toLowerCase()));
    if (matches.length === 0) throw new FleetAdminError(`fleet '${fleetId}' has no key with id '${keyIdPrefix}…'`);
    if (matches.length > 1) throw new FleetAdminError(`key id '${keyIdPrefix}' is ambiguous: ${matches.map((k) => k.keyId).join(', ')}`);
    return matches[0];
  };
  const issue = async (fleetId: string, role: FleetRole, key: string): Promise<IssuedKey> => {
    if (!FLEET_ROLES.includes(role)) throw new FleetAdminError(`role must be one of ${FLEET_ROLES.join('|')}, got '${role}'`);
    await requireFleet(fleetId);
    const keyHash = hashApiKey(key);
    const record: ApiKeyRecord = { keyHash, keyId: keyIdOf(keyHash), fleetId, role, status: 'active', createdAt: clock.now() };
    await store.putKey(record);
    return { key, record };
  };
  return {
    async createFleet(fleetId: string): Promise<boolean> {
      if (!FLEET_ID.test(fleetId)) throw new FleetAdminError(`fleet id '${fleetId}' must be 1–64 of a–z, 0–9 or '-', not starting with '-'`);
      return store.createFleet(fleetId, clock.now());
    },
    createKey: (fleetId: string, role: FleetRole) => issue(fleetId, role, newKey()),
    /** Stores a key chosen by the caller (the local runtime's well-known `pulse-local-key`). */
    importKey: (fleetId: string, role: FleetRole, key: string) => issue(fleetId, role, key),
    /** A new key with the same role; the old one keeps working for the overlap, then expires. */
    async rotateKey(fleetId: string, keyIdPrefix: string, overlapMs: number): Promise<IssuedKey & { previous: ApiKeyRecord }> {
      if (!(overlapMs >= 0)) throw new FleetAdminError('the overlap must be zero or more hours');
      const old = await findKey(fleetId, keyIdPrefix);
      if (keyState(old, clock.now()) !== 'usable') throw new FleetAdminError(`key ${old.keyId} is already ${keyState(old, clock.now())}`);
      const issued = await issue(fleetId, old.role, newKey());
      const previous: ApiKeyRecord = { ...old, expiresAt: clock.now() + overlapMs };
      await store.updateKey(previous);
      return { ...issued, previous };
    },
    /** Immediately invalid (API Gateway may still serve a cached allow for the authorizer TTL). */
    async revokeKey(fleetId: string, keyIdPrefix: string): Promise<ApiKeyRecord> {
      const revoked: ApiKeyRecord = { ...(await findKey(fleetId, keyIdPrefix)), status: 'revoked' };
      await store.updateKey(revoked);
      return revoked;
    },
    async listKeys(fleetId: string): Promise<ApiKeyRecord[]> {
      await requireFleet(fleetId);
      return (await store.listKeys(fleetId)).sort((a, b) => a.createdAt - b.createdAt);
    },
  };
}

export type FleetAdmin = ReturnType<typeof fleetAdmin>;
