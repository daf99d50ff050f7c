import { validateReading, type Reading } from './reading';

const valid = (): Record<string, unknown> => ({
  deviceId: 'sensor-0042',
  timestamp: '2024-05-01T12:00:00Z',
  measurements: { pm25: 12.4, pm10: 20.1, temperature: 18.5, humidity: 54 },
});

function issuesOf(input: unknown) {
  const result = validateReading(input);
  if (result.ok) throw new Error('expected the reading to be rejected');
  return result.errors.map(({ path, rule }) => ({ path, rule }));
}

describe('validateReading', () => {
  it('accepts a well-formed reading in every optional form and returns it typed', () => {
    // Prepare
    const full = { ...valid(), timestamp: 1_714_564_800_000, units: { temperature: 'F', o3: 'ppm' }, sequence: 0 };

    // Act
    const results = [validateReading(valid()), validateReading(full)];

    // Assess
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const value = results[1].ok ? (results[1].value as Reading) : undefined;
    expect(value?.units?.temperature).toBe('F');
  });

  it.each([
    ['a negative concentration', { pm25: -0.1 }, 'measurements.pm25', 'minimum', 'must be >= 0 (concentrations cannot be negative)'],
    ['humidity above 100', { humidity: 101 }, 'measurements.humidity', 'maximum', 'must be <= 100 (relative humidity is a percentage)'],
    ['humidity below 0', { humidity: -1 }, 'measurements.humidity', 'minimum', 'must be >= 0 (relative humidity is a percentage)'],
    ['a number sent as a string', { no2: '17' }, 'measurements.no2', 'type', 'must be a finite number'],
    ['null', { o3: null }, 'measurements.o3', 'type', 'must be a finite number'],
    ['an empty measurements object', {}, 'measurements', 'minProperties', 'must have at least 1 field (a reading carries at least one measurement)'],
  ])('rejects %s with its path and rule', (_label, measurements, path, rule, message) => {
    // Prepare
    const reading = { ...valid(), measurements };

    // Act
    const result = validateReading(reading);

    // Assess
    expect(result).toEqual({ ok: false, errors: [{ path, rule, message }] });
  });

  it.each([NaN, Infinity, -Infinity])('rejects the non-finite number %s arriving other than as JSON', (value) => {
    // Prepare
    const reading = { ...valid(), measurements: { pm25: value } };

    // Act
    const issues = issuesOf(reading);

    // Assess
    expect(issues).toEqual([{ path: 'measurements.pm25', rule: 'type' }]);
  });

  it('names an unknown field in both path and message, at the top level and inside measurements', () => {
    // Prepare
    const reading = { ...valid(), colour: 'red', measurements: { pm25: 1, pm1: 2 } };

    // Act
    const result = validateReading(reading);

    // Assess
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.path, e.rule])).toEqual([
      ['colour', 'additionalProperties'],
      ['measurements.pm1', 'additionalProperties'],
    ]);
    expect(errors[0].message).toContain("unknown field 'colour'");
    expect(errors[1].message).toContain("unknown field 'pm1'");
  });

  it.each([
    ['empty', '', 'minLength'],
    ['65 characters', 'd'.repeat(65), 'maxLength'],
    ['a space', 'sensor 42', 'pattern'],
    ['a slash', 'sensor/42', 'pattern'],
    ['a non-ASCII letter', 'capteur-é', 'pattern'],
  ])('rejects a deviceId that is %s', (_label, deviceId, rule) => {
    // Prepare
    const reading = { ...valid(), deviceId };

    // Act
    const issues = issuesOf(reading);

    // Assess
    expect(issues).toContainEqual({ path: 'deviceId', rule });
  });

  it.each([
    ['no zone', '2024-05-01T12:00:00', 'format'],
    ['a space instead of T', '2024-05-01 12:00:00Z', 'format'],
    ['an impossible date', '2024-02-30T12:00:00Z', 'format'],
    ['hour 24', '2024-05-01T24:00:00Z', 'format'],
    ['plain words', 'yesterday', 'format'],
    ['a fractional epoch', 1_714_564_800_000.5, 'type'],
    ['a negative epoch', -1, 'minimum'],
    ['a boolean', true, 'type'],
  ])('rejects a timestamp with %s', (_label, timestamp, rule) => {
    // Prepare
    const reading = { ...valid(), timestamp };

    // Act
    const issues = issuesOf(reading);

    // Assess
    expect(issues).toEqual([{ path: 'timestamp', rule }]);
  });

  it('accepts ISO timestamps with offsets and nanosecond fractions', () => {
    // Prepare
    const timestamps = ['2024-05-01T14:00:00+02:00', '2024-05-01T12:00:00.123456789Z', '2024-02-29T00:00:00-05:30'];

    // Act
    const results = timestamps.map((timestamp) => validateReading({ ...valid(), timestamp }).ok);

    // Assess
    expect(results).toEqual([true, true, true]);
  });

  it('rejects units outside each key’s list and a negative sequence', () => {
    // Prepare
    const reading = { ...valid(), units: { temperature: 'K', co: 'mg' }, sequence: -1 };

    // Act
    const result = validateReading(reading);

    // Assess
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'units.temperature', rule: 'enum', message: "must be one of 'C', 'F'" },
      { path: 'units.co', rule: 'enum', message: "must be one of 'ppb', 'ppm', 'ugm3'" },
      { path: 'sequence', rule: 'minimum', message: 'must be >= 0' },
    ]);
  });

  it.each([
    ['__proto__ from JSON.parse', JSON.parse('{"measurements":{"pm25":1,"__proto__":{"polluted":true}}}'), 'measurements.__proto__'],
    ['constructor as an own key', { measurements: { pm25: 1 }, constructor: { prototype: {} } }, 'constructor'],
    ['prototype nested in units', { measurements: { pm25: 1 }, units: { prototype: 'x' } }, 'units.prototype'],
  ])('rejects %s with rule forbiddenKey', (_label, extra, path) => {
    // Prepare
    const reading = { ...valid(), ...extra };

    // Act
    const result = validateReading(reading);

    // Assess
    expect(result.ok ? [] : result.errors).toContainEqual(expect.objectContaining({ path, rule: 'forbiddenKey' }));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports every problem of a reading at once, required fields included', () => {
    // Prepare
    const reading = { measurements: { pm25: -3, humidity: 140 } };

    // Act
    const issues = issuesOf(reading);

    // Assess
    expect(issues).toEqual([
      { path: 'deviceId', rule: 'required' },
      { path: 'timestamp', rule: 'required' },
      { path: 'measurements.pm25', rule: 'minimum' },
      { path: 'measurements.humidity', rule: 'maximum' },
    ]);
  });

  it('rejects a value that is not an object at all', () => {
    // Prepare
    const inputs: unknown[] = [null, [], 'reading', 42];

    // Act
    const issues = inputs.map(issuesOf);

    // Assess
    for (const list of issues) expect(list).toEqual([{ path: '', rule: 'type' }]);
  });
});
