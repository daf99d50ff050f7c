import fc from 'fast-check';
import { TIMESTAMP_WINDOW } from '@pulse/schemas';
import { checkReading } from './check-reading';

const NOW = Date.UTC(2026, 0, 1, 12);

describe('checkReading', () => {
  it('gives a valid reading its identity <deviceId>@<epoch ms>, keeping the timestamp as sent', () => {
    // Act
    const result = checkReading({ deviceId: 'sensor-7', timestamp: '2026-01-01T11:59:00.250Z', measurements: { pm25: 4 } }, NOW);
    // Assess
    expect(result).toEqual({
      ok: true,
      reading: { readingId: 'sensor-7@1767268740250', deviceId: 'sensor-7', timestamp: '2026-01-01T11:59:00.250Z', measurements: { pm25: 4 } },
    });
  });

  it.each([
    ['a negative concentration', { pm25: -1 }, 'measurements.pm25', 'minimum'],
    ['humidity over 100', { humidity: 100.5 }, 'measurements.humidity', 'maximum'],
    ['a non-finite value', { no2: Number.POSITIVE_INFINITY }, 'measurements.no2', 'type'],
    ['no measurement at all', {}, 'measurements', 'minProperties'],
    ['a concentration no sensor produces (DynamoDB cannot store it exactly)', { pm25: 1e16 }, 'measurements.pm25', 'maximum'],
    ['a temperature beyond any physical value', { temperature: -1e300 }, 'measurements.temperature', 'maximum'],
    ['a value that would underflow a DynamoDB number', { co: 1e-200 }, 'measurements.co', 'minimum'],
  ])('rejects %s', (_, measurements, path, rule) => {
    // Act
    const result = checkReading({ deviceId: 'd', timestamp: NOW, measurements }, NOW);
    // Assess
    expect(result).toMatchObject({ ok: false, errors: [{ path, rule }] });
  });

  it('rejects timestamps outside the window by the given clock', () => {
    // Act
    const future = checkReading({ deviceId: 'd', timestamp: NOW + TIMESTAMP_WINDOW.maxFutureMs + 1, measurements: { co: 1 } }, NOW);
    const old = checkReading({ deviceId: 'd', timestamp: NOW - TIMESTAMP_WINDOW.maxAgeMs - 1, measurements: { co: 1 } }, NOW);
    // Assess
    expect(future).toMatchObject({ ok: false, errors: [{ path: 'timestamp', rule: 'timestampWindow' }] });
    expect(old).toMatchObject({ ok: false, errors: [{ path: 'timestamp', rule: 'timestampWindow' }] });
  });

  it('names unknown fields', () => {
    expect(checkReading({ deviceId: 'd', timestamp: NOW, measurements: { co: 1 }, battery: 3 }, NOW)).toMatchObject({
      ok: false,
      errors: [{ path: 'battery', rule: 'additionalProperties' }],
    });
  });

  it('accepts every in-window reading with non-negative values and derives its id from the epoch (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.integer({ min: NOW - TIMESTAMP_WINDOW.maxAgeMs, max: NOW + TIMESTAMP_WINDOW.maxFutureMs }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e6, noNaN: true })),
        fc.boolean(),
        (deviceId, epochMs, pm25, iso) => {
          const timestamp = iso ? new Date(epochMs).toISOString() : epochMs;
          const result = checkReading({ deviceId, timestamp, measurements: { pm25 } }, NOW);
          return result.ok && result.reading.readingId === `${deviceId}@${epochMs}`;
        },
      ),
    );
  });
});
