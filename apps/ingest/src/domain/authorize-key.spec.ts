import { hashApiKey, keyIdOf, sameHash, type ApiKeyRecord } from './api-key';
import { authorizeKey, type ApiKeyLookup } from './authorize-key';

const NOW = Date.UTC(2026, 0, 1);
const KEY = 'pulse_test-key';

function lookup(record?: Partial<ApiKeyRecord>): ApiKeyLookup & { asked: string[] } {
  const asked: string[] = [];
  const keyHash = hashApiKey(KEY);
  const stored: ApiKeyRecord = { keyHash, keyId: keyIdOf(keyHash), fleetId: 'city-a', role: 'ingest', status: 'active', createdAt: 0, ...record };
  return {
    asked,
    async findKey(hash) {
      asked.push(hash);
      return record === undefined || hash !== keyHash ? undefined : stored;
    },
  };
}

describe('authorizeKey', () => {
  it('authorizes a stored key with its fleet and role, looking it up by SHA-256 only', async () => {
    // Prepare
    const keys = lookup({});
    // Act
    const decision = await authorizeKey(KEY, keys, NOW);
    // Assess
    expect(decision).toEqual({ ok: true, fleetId: 'city-a', role: 'ingest', keyId: keyIdOf(hashApiKey(KEY)) });
    expect(keys.asked).toEqual([hashApiKey(KEY)]);
  });

  it('refuses missing, oversized, unknown, revoked and expired keys with a reason', async () => {
    // Act
    const decisions = await Promise.all([
      authorizeKey(undefined, lookup({}), NOW),
      authorizeKey('x'.repeat(300), lookup({}), NOW),
      authorizeKey('pulse_other', lookup({}), NOW),
      authorizeKey(KEY, lookup({ status: 'revoked' }), NOW),
      authorizeKey(KEY, lookup({ expiresAt: NOW }), NOW),
    ]);
    // Assess
    expect(decisions.map((d) => (d.ok ? 'ok' : d.reason))).toEqual(['missing', 'malformed', 'unknown', 'revoked', 'expired']);
  });

  it('keeps a rotated key valid until its overlap ends', async () => {
    expect((await authorizeKey(KEY, lookup({ expiresAt: NOW + 1 }), NOW)).ok).toBe(true);
  });

  it('compares hashes in constant time and never equal for different lengths', () => {
    expect(sameHash(hashApiKey('a'), hashApiKey('a'))).toBe(true);
    expect(sameHash(hashApiKey('a'), hashApiKey('b'))).toBe(false);
    expect(sameHash(hashApiKey('a'), 'abcd')).toBe(false);
  });
});
