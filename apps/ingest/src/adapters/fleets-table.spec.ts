import { manualClock, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { authorizeKey } from '../domain/authorize-key';
import { fleetAdmin, FleetAdminError } from '../domain/fleet-admin';
import type { DeviceRecord } from '../domain/device-registration';
import { service } from '../service';
import { FleetsTable } from './fleets-table';

const device = (deviceId: string, fleetId: string, revision = 1): DeviceRecord => ({
  deviceId,
  fleetId,
  revision,
  zoneId: 'z1',
  location: { lat: 45, lon: 4 },
  model: 'M-1',
  calibration: {},
  installedAt: 1,
  status: 'active',
  updatedAt: 1,
});

describe('FleetsTable against dynalite', () => {
  let dynamo: LocalDynamoDb;
  let table: FleetsTable;
  const clock = manualClock(Date.UTC(2026, 0, 1));

  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
    const names = await dynamo.createTables(service.tables ?? []);
    table = new FleetsTable(dynamo.documentClient, names.Fleets);
  });
  afterAll(() => dynamo.close());

  it('issues a key that the authorizer finds by hash, storing only the hash', async () => {
    // Prepare
    const admin = fleetAdmin(table, clock);
    await admin.createFleet('city-a');
    // Act
    const { key, record } = await admin.createKey('city-a', 'admin');
    const decision = await authorizeKey(key, table, clock.now());
    // Assess
    expect(decision).toEqual({ ok: true, fleetId: 'city-a', role: 'admin', keyId: record.keyId });
    const stored = JSON.stringify(await table.findKey(record.keyHash));
    expect(stored).not.toContain(key);
    expect(key).toMatch(/^pulse_[A-Za-z0-9_-]{43}$/);
  });

  it('rotates with an overlap (both keys work, then only the new one) and revokes at once', async () => {
    // Prepare
    const admin = fleetAdmin(table, clock);
    await admin.createFleet('city-r');
    const old = await admin.createKey('city-r', 'ingest');
    clock.advance(1000);
    // Act
    const rotated = await admin.rotateKey('city-r', old.record.keyId.slice(0, 6), 24 * 3_600_000);
    const during = [await authorizeKey(old.key, table, clock.now()), await authorizeKey(rotated.key, table, clock.now())];
    clock.advance(24 * 3_600_000);
    const after = [await authorizeKey(old.key, table, clock.now()), await authorizeKey(rotated.key, table, clock.now())];
    await admin.revokeKey('city-r', rotated.record.keyId);
    const revoked = await authorizeKey(rotated.key, table, clock.now());
    // Assess
    expect(during.map((d) => d.ok)).toEqual([true, true]);
    expect(rotated.record.role).toBe('ingest');
    expect(after.map((d) => (d.ok ? 'ok' : d.reason))).toEqual(['expired', 'ok']);
    expect(revoked).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await admin.listKeys('city-r')).map((k) => k.status)).toEqual(['active', 'revoked']); // oldest first: the expired one, then the revoked one
  });

  it('refuses keys for unknown fleets, duplicate fleets and ambiguous or unknown key ids', async () => {
    // Prepare
    const admin = fleetAdmin(table, clock);
    // Act / Assess
    await expect(admin.createKey('no-such-fleet', 'ingest')).rejects.toThrow(FleetAdminError);
    expect(await admin.createFleet('city-d')).toBe(true);
    expect(await admin.createFleet('city-d')).toBe(false);
    await expect(admin.revokeKey('city-d', 'abcdef')).rejects.toThrow(/no key with id/);
    await expect(admin.createFleet('City D')).rejects.toThrow(/fleet id/);
  });

  it('checks ownership of more devices than one BatchGetItem takes, fleet by fleet', async () => {
    // Prepare
    const ids = Array.from({ length: 230 }, (_, i) => `dev-${i}`);
    for (const id of ids) await table.saveDevice(device(id, id.endsWith('7') ? 'city-b' : 'city-o'), undefined);
    // Act
    const owned = await table.ownedDevices('city-o', [...ids, 'never-registered', 'dev-1']);
    // Assess
    expect(owned.size).toBe(230 - 23);
    expect(owned.has('dev-17')).toBe(false);
    expect(owned.has('never-registered')).toBe(false);
  });

  it('writes a device only at the expected revision', async () => {
    // Prepare
    await table.saveDevice(device('rev-1', 'city-o'), undefined);
    // Act
    const again = await table.saveDevice(device('rev-1', 'city-o'), undefined);
    const stale = await table.saveDevice(device('rev-1', 'city-o', 3), 2);
    const next = await table.saveDevice(device('rev-1', 'city-o', 2), 1);
    // Assess
    expect([again, stale, next]).toEqual([false, false, true]);
    expect(await table.getDevice('rev-1')).toEqual(device('rev-1', 'city-o', 2));
  });
});
