import {
  chunkReadings,
  MAX_PUT_EVENTS_ENTRY_BYTES,
  MAX_READINGS_PER_EVENT,
  putEventsEntrySize,
  splitIntoBatches,
} from './batch-limits';
import { batchContracts, contracts } from './contracts';
import { EnrichedReadingSchema, ReadingsEnrichedV1 } from './events/readings-enriched/v1';
import { maxJsonBytes } from './max-json-bytes';
import { QUALITY_CODES } from './quality';
import { compileValidator } from './validation';

type Schema = Record<string, unknown>;

/** The worst-case PutEvents entry for a contract: its largest possible detail, plus Time. */
function worstEntryBytes(source: string, detailType: string, detailSchema: Schema): number {
  return 14 + Buffer.byteLength(source) + Buffer.byteLength(detailType) + maxJsonBytes(detailSchema);
}

/** A concrete, valid ReadingsEnriched reading with every field at its longest. */
function maximalEnrichedReading() {
  const longNumber = -2.2250738585072014e-308; // the longest JSON number form (24 characters)
  const positive = 2.2250738585072014e-308;
  const device = 'D'.repeat(64);
  return {
    readingId: `${device}@253402300799999`,
    deviceId: device,
    ts: 253402300799999,
    registered: false,
    zoneId: 'Z'.repeat(64),
    location: { lat: longNumber, lon: longNumber },
    measurements: { pm25: positive, pm10: positive, o3: positive, no2: positive, co: positive, so2: positive, temperature: longNumber, humidity: positive },
    aqi: { value: 999, category: 'Unhealthy for Sensitive Groups', dominant: 'pm25', subIndices: { pm25: 999, pm10: 999, o3: 999, no2: 999, co: 999, so2: 999 } },
    quality: [...QUALITY_CODES],
  };
}

describe('batch limit', () => {
  it.each(contracts.map((c) => [c.name, c] as const))('the largest possible %s still fits one PutEvents entry', (_name, contract) => {
    // Act
    const bytes = worstEntryBytes(contract.source, contract.detailType, contract.schema as unknown as Schema);

    // Assess
    expect(bytes).toBeLessThanOrEqual(MAX_PUT_EVENTS_ENTRY_BYTES);
  });

  it.each(batchContracts.map((c) => [c.name, c] as const))('%s: MAX readings × worst reading + envelope ≤ 256 KB', (_name, contract) => {
    // Prepare
    const data = contract.dataSchema as unknown as { properties: { readings: Schema & { items: Schema } } };
    const readings = data.properties.readings;
    const worstReading = maxJsonBytes(readings.items);
    const emptyBatch = { ...(contract.schema as unknown as Schema) };
    const envelope = maxJsonBytes({
      ...emptyBatch,
      properties: { ...(emptyBatch['properties'] as Schema), data: { ...data, properties: { ...data.properties, readings: { ...readings, maxItems: 0 } } } },
    });

    // Act
    const total = 14 + contract.source.length + contract.detailType.length + envelope + MAX_READINGS_PER_EVENT * (worstReading + 1);

    // Assess
    expect(readings['maxItems']).toBe(MAX_READINGS_PER_EVENT);
    expect(total).toBeLessThanOrEqual(MAX_PUT_EVENTS_ENTRY_BYTES);
  });

  it('the computed worst case is tight: a maximal enriched reading validates and is exactly that size', () => {
    // Prepare
    const validate = compileValidator(EnrichedReadingSchema);
    const reading = maximalEnrichedReading();

    // Act
    const result = validate(reading);
    const bytes = Buffer.byteLength(JSON.stringify(reading));

    // Assess
    expect(result.ok).toBe(true);
    expect(bytes).toBe(maxJsonBytes(EnrichedReadingSchema as unknown as Schema));
  });

  it('a full batch of maximal readings, serialised, is a PutEvents entry under 256 KB', () => {
    // Prepare
    const detail = {
      metadata: { version: 1, batchId: 'B'.repeat(64), correlationId: 'C'.repeat(128), producedAt: '2024-05-01T12:00:00.123456789+05:30', causationId: 'A'.repeat(64) },
      data: { fleetId: 'f'.repeat(64), receivedAt: 253402300799999, readings: Array.from({ length: MAX_READINGS_PER_EVENT }, maximalEnrichedReading) },
    };

    // Act
    const valid = ReadingsEnrichedV1.validate(detail).ok;
    const size = putEventsEntrySize({ Source: ReadingsEnrichedV1.source, DetailType: ReadingsEnrichedV1.detailType, Detail: JSON.stringify(detail), Time: new Date() });

    // Assess
    expect(valid).toBe(true);
    expect(size).toBeLessThanOrEqual(MAX_PUT_EVENTS_ENTRY_BYTES);
  });

  it('one reading more than the limit is rejected by the schema with rule maxItems', () => {
    // Prepare
    const reading = ReadingsEnrichedV1.sample.detail.data.readings[0];
    const detail = { ...ReadingsEnrichedV1.sample.detail, data: { ...ReadingsEnrichedV1.sample.detail.data, readings: Array(MAX_READINGS_PER_EVENT + 1).fill(reading) } };

    // Act
    const result = ReadingsEnrichedV1.validate(detail);

    // Assess
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.rule])).toEqual([['data.readings', 'maxItems']]);
  });
});

describe('putEventsEntrySize', () => {
  it('counts Time as 14 bytes and strings as UTF-8 bytes, as EventBridge does', () => {
    // Prepare
    const entry = { Source: 'pulse.ingest', DetailType: 'X', Detail: '{"t":"°C"}', Resources: ['arn:a'], Time: new Date() };

    // Act
    const size = putEventsEntrySize(entry);

    // Assess
    expect(size).toBe(14 + 12 + 1 + 11 + 5);
  });
});

describe('chunkReadings / splitIntoBatches', () => {
  it('splits into MAX-sized batches in order, the last one partial', () => {
    // Prepare
    const readings = Array.from({ length: 2 * MAX_READINGS_PER_EVENT + 3 }, (_, i) => i);

    // Act
    const batches = chunkReadings(readings);

    // Assess
    expect(batches.map((b) => b.length)).toEqual([MAX_READINGS_PER_EVENT, MAX_READINGS_PER_EVENT, 3]);
    expect(batches.flat()).toEqual(readings);
  });

  it('returns no batch for no readings and refuses a non-positive size', () => {
    // Act / Assess
    expect(splitIntoBatches([], 10)).toEqual([]);
    expect(() => splitIntoBatches([1], 0)).toThrow(RangeError);
  });
});
