import { FLEET_ID_PATTERN } from './identifiers';
import { parseReadingId, readingId } from './reading-id';

describe('readingId', () => {
  it('is <deviceId>@<epoch ms> and parses back', () => {
    // Act
    const id = readingId('sensor-0042', 1_714_564_800_000);

    // Assess
    expect(id).toBe('sensor-0042@1714564800000');
    expect(parseReadingId(id)).toEqual({ deviceId: 'sensor-0042', epochMs: 1_714_564_800_000 });
  });

  it.each([
    ['bad device', 'sensor 42', 1],
    ['fractional ms', 'd', 1.5],
    ['negative ms', 'd', -1],
  ])('refuses a %s', (_label, device, ms) => {
    // Act / Assess
    expect(() => readingId(device, ms)).toThrow(RangeError);
  });

  it.each(['nope', 'a@b', '@123', 'a@1@2'])('parseReadingId(%s) is undefined', (text) => {
    // Act / Assess
    expect(parseReadingId(text)).toBeUndefined();
  });
});

describe('fleet id format', () => {
  it.each([
    ['city-lyon', true],
    ['f1', true],
    ['-lyon', false],
    ['City', false],
    ['a'.repeat(65), false],
  ])('%s → %s', (fleetId, expected) => {
    // Act / Assess
    expect(new RegExp(FLEET_ID_PATTERN).test(fleetId)).toBe(expected);
  });
});
