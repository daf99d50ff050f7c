import fc from 'fast-check';
import type { Measurements, ReadingsReceivedV1Data, ReceivedReading, Units } from '@pulse/schemas';

// fast-check arbitraries of valid ReadingsReceived data: few devices and close timestamps,
// so batches hold jumps, duplicate readingIds and repeated sequences often.
const T0 = 1_714_564_800_000;

const concentration = fc.oneof(
  fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);
const gasUnit = fc.constantFrom('ppb' as const, 'ppm' as const, 'ugm3' as const);

const measurements: fc.Arbitrary<Measurements> = fc
  .record(
    {
      pm25: concentration,
      pm10: concentration,
      o3: concentration,
      no2: concentration,
      co: concentration,
      so2: concentration,
      temperature: fc.double({ min: -100, max: 400, noNaN: true, noDefaultInfinity: true }),
      humidity: fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
    },
    { requiredKeys: [] },
  )
  .filter((m) => Object.keys(m).length > 0);

const units: fc.Arbitrary<Units> = fc.record(
  { temperature: fc.constantFrom('C' as const, 'F' as const), o3: gasUnit, no2: gasUnit, co: gasUnit, so2: gasUnit },
  { requiredKeys: [] },
);

export const receivedReading: fc.Arbitrary<ReceivedReading> = fc
  .record({
    device: fc.constantFrom('d0', 'd1', 'd2'),
    offsetMs: fc.integer({ min: 0, max: 30 * 60_000 }),
    isoTime: fc.boolean(),
    measurements,
    units: fc.option(units, { nil: undefined }),
    sequence: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  })
  .map(({ device, offsetMs, isoTime, measurements: m, units: u, sequence }) => {
    const ts = T0 + offsetMs;
    return {
      readingId: `${device}@${ts}`,
      deviceId: device,
      timestamp: isoTime ? new Date(ts).toISOString() : ts,
      measurements: m,
      ...(u !== undefined ? { units: u } : {}),
      ...(sequence !== undefined ? { sequence } : {}),
    };
  });

/** Batches of 1–60 readings, some repeated verbatim (exact duplicates). */
export const receivedBatch: fc.Arbitrary<ReadingsReceivedV1Data> = fc
  .record({
    readings: fc.array(receivedReading, { minLength: 1, maxLength: 40 }),
    repeats: fc.array(fc.nat(), { maxLength: 20 }),
  })
  .map(({ readings, repeats }) => ({
    fleetId: 'city-lyon',
    channel: 'http' as const,
    receivedAt: T0 + 31 * 60_000,
    readings: [...readings, ...repeats.map((i) => readings[i % readings.length])],
  }));
