import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { T0 } from '../__fixtures__/enriched-readings';
import type { ZoneStatus } from '../domain/zone-status';
import { ZONE_STATUS_TABLE } from '../tables';
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

describe('ZoneStatus writer on dynalite', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables([ZONE_STATUS_TABLE])).ZoneStatus;
  });
  afterAll(() => db.close());

  const stored = async (fleetId: string, zoneId: string) =>
    (await db.documentClient.send(new GetCommand({ TableName: tableName, Key: { fleetId, zoneId } }))).Item;

  it('stores a status that the DocumentClient reads back as the same status', async () => {
    // Prepare
    const writer = zoneStatusWriter(db.client, tableName);
    const written = status({ zoneId: 'round-trip', aqi: 153, category: 'Unhealthy', dominant: 'o3' });

    // Act
    const landed = await writer.putIfNewer(written);

    // Assess
    expect(landed).toBe(true);
    expect(await stored('city-lyon', 'round-trip')).toEqual(written);
  });

  it.each([
    ['newer first', [1, 0]],
    ['older first', [0, 1]],
  ])('lets the newer of two concurrent writers win whatever their order (%s)', async (name, order) => {
    // Prepare
    const writer = zoneStatusWriter(db.client, tableName);
    const zoneId = `race-${name.replace(' ', '-')}`;
    const writers = [
      status({ zoneId, aqi: 40, updatedAt: T0, readingId: `a@${T0}` }),
      status({ zoneId, aqi: 170, category: 'Unhealthy', updatedAt: T0 + 1000, readingId: `b@${T0 + 1000}` }),
    ];

    // Act
    const results = await Promise.all(order.map((i) => writer.putIfNewer(writers[i])));

    // Assess
    expect(await stored('city-lyon', zoneId)).toMatchObject({ aqi: 170, updatedAt: T0 + 1000 });
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
  });

  it('converges on one status among many concurrent writers, ties broken by readingId', async () => {
    // Prepare
    const writer = zoneStatusWriter(db.client, tableName);
    const writers = Array.from({ length: 12 }, (_, i) => status({ zoneId: 'crowd', aqi: i, updatedAt: T0 + (i % 4), readingId: `d${i}@${T0 + (i % 4)}` }));

    // Act
    await Promise.all(writers.map((w) => writer.putIfNewer(w)));

    // Assess: ts T0+3 are d3, d7, d11; 'd7' is the largest string
    expect(await stored('city-lyon', 'crowd')).toMatchObject({ updatedAt: T0 + 3, readingId: `d7@${T0 + 3}`, aqi: 7 });
  });

  it('skips, without failing, a status older than or equal to the stored one', async () => {
    // Prepare
    const writer = zoneStatusWriter(db.client, tableName);
    await writer.putIfNewer(status({ zoneId: 'late', aqi: 90, updatedAt: T0 + 60_000, readingId: `x@${T0 + 60_000}` }));

    // Act
    const older = await writer.putIfNewer(status({ zoneId: 'late', aqi: 10, updatedAt: T0 }));
    const same = await writer.putIfNewer(status({ zoneId: 'late', aqi: 90, updatedAt: T0 + 60_000, readingId: `x@${T0 + 60_000}` }));

    // Assess
    expect([older, same]).toEqual([false, false]);
    expect(await stored('city-lyon', 'late')).toMatchObject({ aqi: 90 });
  });

});
