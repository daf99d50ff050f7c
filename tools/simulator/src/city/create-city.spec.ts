import { createCity } from './create-city';

describe('createCity', () => {
  it('reproduces the same city from the same seed and a different one from another', () => {
    // Prepare / Act
    const a = createCity({ zones: 20, devices: 500, seed: 42 });
    const b = createCity({ zones: 20, devices: 500, seed: 42 });
    const c = createCity({ zones: 20, devices: 500, seed: 43 });

    // Assess
    expect(b).toEqual(a);
    expect(c.devices.map((d) => d.calibration)).not.toEqual(a.devices.map((d) => d.calibration));
  });

  it('spreads the devices over named zones on a grid, with one unregistered device', () => {
    // Prepare / Act
    const city = createCity({ zones: 20, devices: 500, seed: 7 });

    // Assess
    expect(city.zones.map((z) => z.zoneId)).toEqual(Array.from({ length: 20 }, (_, i) => `zone-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(city.zones.map((z) => `${z.location.lat},${z.location.lon}`)).size).toBe(20);
    expect(city.devices).toHaveLength(501);
    expect(city.devices[0].deviceId).toBe('sensor-0001');
    expect(city.devices[499].deviceId).toBe('sensor-0500');
    expect(city.devices.filter((d) => !d.registered).map((d) => d.deviceId)).toEqual(['sensor-0501']);
    for (const zone of city.zones) expect(city.devices.filter((d) => d.zoneId === zone.zoneId).length).toBeGreaterThanOrEqual(25);
  });

  it('gives calibrations near identity and a mix of unit profiles', () => {
    // Prepare / Act
    const city = createCity({ zones: 20, devices: 500, seed: 42 });

    // Assess
    const factors = city.devices.flatMap((d) => Object.values(d.calibration));
    expect(factors.filter(({ gain, offset }) => gain <= 0.9 || gain >= 1.1 || Math.abs(offset) > 0.5)).toEqual([]);
    const canonical = city.devices.filter((d) => Object.keys(d.units).length === 0).length;
    expect(canonical / city.devices.length).toBeGreaterThan(0.6);
    expect(city.devices.some((d) => d.units.temperature === 'F')).toBe(true);
    expect(city.devices.some((d) => d.units.no2 === 'ppm')).toBe(true);
    expect(city.devices.some((d) => d.units.no2 === 'ugm3')).toBe(true);
  });

  it('refuses impossible sizes', () => {
    // Act / Assess
    expect(() => createCity({ zones: 0 })).toThrow(RangeError);
    expect(() => createCity({ devices: 1.5 })).toThrow(RangeError);
  });
});
