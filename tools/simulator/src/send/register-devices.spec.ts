import { CalibrationSchema, compileValidator, LocationSchema } from '@pulse/schemas';
import { createCity } from '../city';
import { startFakePulseApi, type FakePulseApi } from './fake-pulse-api';
import { registerDevices } from './register-devices';

const validCalibration = compileValidator(CalibrationSchema);
const validLocation = compileValidator(LocationSchema);

describe('registerDevices', () => {
  let api: FakePulseApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('PUTs every registered device with its zone, location, model and calibration, but not the unregistered one', async () => {
    // Prepare
    api = await startFakePulseApi();
    const city = createCity({ zones: 3, devices: 12, seed: 9 });

    // Act
    const result = await registerDevices(city, { endpoint: api.endpoint, apiKey: 'admin-key' });

    // Assess
    expect(result).toEqual({ registered: 12, failed: [] });
    const urls = api.requests.map((r) => r.url).sort();
    expect(urls).toEqual(city.devices.filter((d) => d.registered).map((d) => `/v1/devices/${d.deviceId}`));
    expect(urls).not.toContain('/v1/devices/sensor-0013');
    const first = api.requests.find((r) => r.url === '/v1/devices/sensor-0001')!;
    const device = city.devices[0];
    expect(first.method).toBe('PUT');
    expect(first.headers['x-api-key']).toBe('admin-key');
    expect(first.body).toEqual({ zoneId: device.zoneId, location: device.location, model: device.model, calibration: device.calibration });
    expect(api.requests.every((r) => validCalibration((r.body as { calibration: unknown }).calibration).ok)).toBe(true);
    expect(api.requests.every((r) => validLocation((r.body as { location: unknown }).location).ok)).toBe(true);
  });

  it('reports the devices the API refused', async () => {
    // Prepare
    api = await startFakePulseApi((request) =>
      request.url.endsWith('sensor-0002') ? { status: 409, body: { error: { code: 'Conflict', message: 'owned by another fleet' } } } : { status: 200, body: {} },
    );
    const city = createCity({ zones: 1, devices: 3, seed: 9 });

    // Act
    const result = await registerDevices(city, { endpoint: api.endpoint, apiKey: 'k' });

    // Assess
    expect(result.registered).toBe(2);
    expect(result.failed).toEqual([{ deviceId: 'sensor-0002', status: 409, message: expect.stringContaining('another fleet') }]);
  });
});
