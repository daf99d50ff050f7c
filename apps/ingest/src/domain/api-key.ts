import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FleetRole } from '@pulse/service-kit';

export const FLEET_ROLES: readonly FleetRole[] = ['ingest', 'admin'];

/** What the Fleets table keeps of a key: its SHA-256, never the key itself. */
export interface ApiKeyRecord {
  readonly keyHash: string;
  /** The first 12 hex digits of the hash: safe to log and to name a key in the CLI. */
  readonly keyId: string;
  readonly fleetId: string;
  readonly role: FleetRole;
  readonly status: 'active' | 'revoked';
  readonly createdAt: number;
  /** Set when the key was rotated: it keeps working until then (the overlap). */
  readonly expiresAt?: number;
}

export const KEY_ID_LENGTH = 12;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function keyIdOf(keyHash: string): string {
  return keyHash.slice(0, KEY_ID_LENGTH);
}

/** A new key: 32 random bytes, URL-safe, with a recognisable prefix for secret scanners. */
export function generateApiKey(random: (size: number) => Buffer = randomBytes): string {
  return `pulse_${random(32).toString('base64url')}`;
}

/** Hashes compared in constant time, so timing tells nothing about how much matched. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export type KeyState = 'usable' | 'revoked' | 'expired';

export function keyState(record: ApiKeyRecord, nowMs: number): KeyState {
  if (record.status === 'revoked') return 'revoked';
  if (record.expiresAt !== undefined && record.expiresAt <= nowMs) return 'expired';
  return 'usable';
}
