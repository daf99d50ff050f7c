import { marshall } from '@aws-sdk/util-dynamodb';
import { QUALITY_CODES, type EnrichedReading } from '@pulse/schemas';
import { enrichedReading, T0 } from '../__fixtures__/enriched-readings';
import { toReadingItem, type ReadingItem } from '../domain/reading-item';
import { latestZoneStatuses } from '../domain/zone-status';
import { numberValue, readingAttributes, zoneStatusAttributes } from './attribute-values';

/** What the DocumentClient sent before: lib-dynamodb marshalls with these options (the kit's). */
const documentClientMarshall = (item: object) => marshall(item, { removeUndefinedValues: true });
const stamps = { receivedAt: T0 + 1_100, storedAt: T0 + 1_350, retentionDays: 30 };
const item = (reading: EnrichedReading): ReadingItem => toReadingItem('city-lyon', reading, stamps);

describe('attribute values built by hand', () => {
  it.each([
    ['a zoned reading with AQI', enrichedReading()],
    ['an unregistered device: no zone, location or AQI', enrichedReading({ zoneId: null, aqi: null })],
    ['a zoned reading without AQI', enrichedReading({ aqi: null })],
    [
      'every measurement and sub-index, every quality code, awkward numbers',
      {
        ...enrichedReading({ deviceId: 'd'.repeat(64), ts: 253402300799999 }),
        location: { lat: -89.999999999, lon: 179 + 1 / 3 },
        measurements: { pm25: 0, pm10: 1e-7, o3: 123456789.125, no2: 0.1 + 0.2, co: 5e-324, so2: Number.MAX_SAFE_INTEGER, temperature: -40.5, humidity: 100 },
        aqi: { value: 999, category: 'Hazardous', dominant: 'so2', subIndices: { pm25: 0, pm10: 1, o3: 2, no2: 3, co: 4, so2: 999 } },
        quality: [...QUALITY_CODES],
      } satisfies EnrichedReading,
    ],
    ['optional measurements present as undefined', { ...enrichedReading(), measurements: { pm25: 12, pm10: undefined, o3: undefined } }],
  ])('equal the DocumentClient’s marshalling of the reading item: %s', (_name, reading) => {
    // Prepare
    const readingItem = item(reading);

    // Act
    const attributes = readingAttributes(readingItem);

    // Assess
    expect(attributes).toStrictEqual(documentClientMarshall(readingItem));
  });

  it('leave zoneKey out, not null, for a reading without a zone (the zone index stays sparse)', () => {
    // Act
    const attributes = readingAttributes(item(enrichedReading({ zoneId: null })));

    // Assess
    expect(attributes).not.toHaveProperty('zoneKey');
  });

  it('equal the DocumentClient’s marshalling of a zone status', () => {
    // Prepare
    const [status] = latestZoneStatuses('city-lyon', [enrichedReading({ aqi: 153, category: 'Unhealthy', dominant: 'o3' })], T0 + 9);

    // Act
    const attributes = zoneStatusAttributes(status);

    // Assess
    expect(attributes).toStrictEqual(documentClientMarshall(status));
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, 1e16, -1e16])(
    'refuse the numbers the DocumentClient refuses (%s): such a batch fails, as it did',
    (value) => {
      // Act / Assess
      expect(() => documentClientMarshall({ value })).toThrow();
      expect(() => numberValue(value)).toThrow();
      expect(() => readingAttributes(item({ ...enrichedReading(), measurements: { pm25: value } }))).toThrow();
    },
  );
});
