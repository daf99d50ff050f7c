import { ReadingsNormalizedV1, ReadingsReceivedV1, type ReadingsReceivedV1Data, type ReceivedReading } from '@pulse/schemas';
import { normalizeBatch } from './normalize-batch';

const T0 = 1_714_564_800_000;
const batch = (readings: ReceivedReading[]): ReadingsReceivedV1Data => ({ fleetId: 'city-lyon', channel: 'kinesis', receivedAt: T0 + 5_000, readings });
const reading = (deviceId: string, ts: number, rest: Partial<ReceivedReading> = {}): ReceivedReading => ({
  readingId: `${deviceId}@${ts}`,
  deviceId,
  timestamp: ts,
  measurements: { pm25: 10 },
  ...rest,
});

describe('normalizeBatch', () => {
  it('normalises the ReadingsReceived golden sample into the ReadingsNormalized shape', () => {
    // Prepare
    const received = ReadingsReceivedV1.sample.detail.data;
    const golden = ReadingsNormalizedV1.sample.detail.data;

    // Act
    const { data } = normalizeBatch(received);

    // Assess: same data as the normalized golden sample, except that 65.3 °F (18.5 °C) and
    // 0.041 ppm of O3 (41 ppb) are plausible, so transform flags nothing where the sample
    // illustrates a suspect-unit flag.
    expect(data).toEqual({
      ...golden,
      readings: golden.readings.map((r) => ({ ...r, quality: [] })),
    });
  });

  it('collapses exact duplicates, counts them, and keeps every other reading', () => {
    // Prepare
    const a = reading('a', T0);
    const b = reading('b', T0);
    const received = batch([a, b, a, reading('a', T0 + 60_000), a]);

    // Act
    const { data } = normalizeBatch(received);

    // Assess
    expect(data.readings.map((r) => r.readingId)).toEqual([`a@${T0}`, `b@${T0}`, `a@${T0 + 60_000}`]);
    expect(data.duplicatesRemoved).toBe(2);
  });

  it('keeps two readings of one device with the same sequence at different times, both flagged', () => {
    // Prepare
    const received = batch([reading('a', T0, { sequence: 4 }), reading('a', T0 + 1_000, { sequence: 4 })]);

    // Act
    const { data } = normalizeBatch(received);

    // Assess
    expect(data.readings.map((r) => r.quality)).toEqual([['duplicate-sequence'], ['duplicate-sequence']]);
    expect(data.duplicatesRemoved).toBe(0);
  });

  it('lists each reading’s codes in QUALITY_CODES order and counts readings per code', () => {
    // Prepare: the second reading jumps, is too hot for °C (°F-like) and repeats a sequence
    const received = batch([
      reading('a', T0, { measurements: { temperature: 20 }, sequence: 1 }),
      reading('a', T0 + 60_000, { measurements: { temperature: 100 }, sequence: 1 }),
      reading('b', T0, { measurements: { co: 400 } }),
    ]);

    // Act
    const { data, flagCounts } = normalizeBatch(received);

    // Assess
    expect(data.readings.map((r) => r.quality)).toEqual([
      ['duplicate-sequence'],
      ['temperature-out-of-range', 'sudden-jump', 'suspect-unit', 'duplicate-sequence'],
      ['beyond-sensor-range', 'suspect-unit'],
    ]);
    expect(flagCounts).toEqual({
      'temperature-out-of-range': 1,
      'beyond-sensor-range': 1,
      'sudden-jump': 1,
      'suspect-unit': 2,
      'duplicate-sequence': 2,
    });
  });

  it('produces data the ReadingsNormalized contract accepts', () => {
    // Prepare
    const received = batch([reading('a', T0, { measurements: { o3: 1e306, temperature: 1e300 }, units: { o3: 'ppm', temperature: 'F' } })]);

    // Act
    const { data } = normalizeBatch(received);

    // Assess
    const detail = { metadata: { version: 1, batchId: 'b-1', correlationId: 'c-1', producedAt: '2024-05-01T12:00:01Z' }, data };
    expect(ReadingsNormalizedV1.validate(detail)).toMatchObject({ ok: true });
    expect(data.readings[0].quality).toEqual(['temperature-out-of-range', 'beyond-sensor-range']);
  });
});
