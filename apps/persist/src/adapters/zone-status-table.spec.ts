import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { T0 } from '../__fixtures__/enriched-readings';
import type { ZoneStatus } from '../domain/zone-status';
import { ZONE_STATUS_TABLE } from '../tables';
import { zoneStatusTable } from './zone-status-table';
import { zoneStatusWriter } from './zone-status-writer';

const status = (over: Partial<ZoneStatus>): ZoneStatus => ({
  fleetId: 'city-lyon',
  zoneId: 'presquile',
  aqi: 50,
  category: 'Good',
  dominant: 'pm25',
  updatedAt: T0,
  readingId: `sensor-1@${T0}`,
  deviceId: 'sensor-1',
  storedAt: T0 + 500,
  ...over,
});

describe('ZoneStatus table (read side) on dynalite', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([ZONE_STATUS_TABLE])).ZoneStatus;
  });
  afterAll(() => db.close());

  it('lists one fleet’s zones by zone id across pages', async () => {
    // Prepare
    const table = zoneStatusTable(db.documentClient, tableName);
    const writer = zoneStatusWriter(db.client, tableName);
    const zones = ['z-a', 'z-b', 'z-c', 'z-d', 'z-e'];
    await Promise.all(zones.map((zoneId) => writer.putIfNewer(status({ fleetId: 'fleet-list', zoneId }))));
    await writer.putIfNewer(status({ fleetId: 'fleet-other', zoneId: 'z-x' }));

    // Act
    const first = await table.list('fleet-list', 2);
    const second = await table.list('fleet-list', 2, first.next);
    const third = await table.list('fleet-list', 2, second.next);

    // Assess
    expect([first, second, third].map((p) => p.items.map((s) => s.zoneId))).toEqual([['z-a', 'z-b'], ['z-c', 'z-d'], ['z-e']]);
    expect(third.next).toBeUndefined();
  });
});
