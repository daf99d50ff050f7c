import { AQI_CATEGORIES, MAX_EPOCH_MS, QUALITY_CODES, ReadingsEnrichedV1, type EnrichedReading } from '@pulse/schemas';
import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { BY_ZONE_INCLUDE } from '../tables';
import { itemSizeBytes, projectedItem, writeUnits } from './item-size';
import { toReadingItem } from './reading-item';

const INDEX_KEYS = ['pk', 'ts', 'zoneKey'];
const worstNumber = -2.2250738585072014e-308;
const id64 = 'd'.repeat(64);

/** The largest reading the contract admits: 64-char ids, every field, 17-digit numbers. */
const worstReading: EnrichedReading = {
  readingId: `${id64}@${MAX_EPOCH_MS}`,
  deviceId: id64,
  ts: MAX_EPOCH_MS,
  registered: true,
  zoneId: 'z'.repeat(64),
  location: { lat: -89.12345678901234, lon: -179.1234567890123 },
  measurements: { pm25: 1.2345678901234567e300, pm10: 1.2345678901234567e300, o3: 1.2345678901234567e300, no2: 1.2345678901234567e300, co: 1.2345678901234567e300, so2: 1.2345678901234567e300, temperature: worstNumber, humidity: 99.12345678901234 },
  aqi: { value: 999, category: AQI_CATEGORIES[2], dominant: 'pm25', subIndices: { pm25: 999, pm10: 999, o3: 999, no2: 999, co: 999, so2: 999 } },
  quality: [...QUALITY_CODES],
};
const stamps = { receivedAt: MAX_EPOCH_MS, storedAt: MAX_EPOCH_MS, retentionDays: 36_500 };

describe('write cost per reading', () => {
  it('sizes values as DynamoDB does', () => {
    // Act / Assess
    expect(itemSizeBytes({ a: 'héllo' })).toBe(1 + 6);
    expect(itemSizeBytes({ n: 12345 })).toBe(1 + 4);
    expect(itemSizeBytes({ b: true, z: null })).toBe(4);
    expect(itemSizeBytes({ m: { x: 1 }, l: ['ab'] })).toBe(1 + 3 + 1 + 1 + 2 + 1 + 3 + 1 + 2);
  });

  it('keeps the largest valid reading within 1 KB: 1 WRU in the table and 1 in the zone index', () => {
    // Prepare
    expect(ReadingsEnrichedV1.validate({ ...ReadingsEnrichedV1.sample.detail, data: { fleetId: 'f'.repeat(64), receivedAt: 0, readings: [worstReading] } }).ok).toBe(true);
    const item = { ...toReadingItem('f'.repeat(64), worstReading, stamps) };

    // Act
    const tableBytes = itemSizeBytes(item);
    const indexBytes = itemSizeBytes(projectedItem(item, INDEX_KEYS, BY_ZONE_INCLUDE));

    // Assess
    expect(tableBytes).toBeLessThanOrEqual(1024);
    expect(indexBytes).toBeLessThanOrEqual(1024);
    expect(writeUnits(tableBytes) + writeUnits(indexBytes)).toBe(2);
  });

  it('costs a typical zoned reading 2 WRUs and an unzoned one 1', () => {
    // Prepare
    const zoned = { ...toReadingItem('city-lyon', enrichedReading({ ts: T0 }), stamps) };
    const unzoned = { ...toReadingItem('city-lyon', enrichedReading({ zoneId: null, aqi: null }), stamps) };

    // Act
    const zonedWrus = writeUnits(itemSizeBytes(zoned)) + (zoned.zoneKey ? writeUnits(itemSizeBytes(projectedItem(zoned, INDEX_KEYS, BY_ZONE_INCLUDE))) : 0);
    const unzonedWrus = writeUnits(itemSizeBytes(unzoned)) + (unzoned.zoneKey ? 1 : 0);

    // Assess
    expect(itemSizeBytes(zoned)).toBeLessThan(400);
    expect([zonedWrus, unzonedWrus]).toEqual([2, 1]);
  });
});
