import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeviceRegisteredV1, DeviceRetiredV1 } from '@pulse/schemas';
import { createPublisher, type ApiKeyAuthorizerContext } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, manualClock, startPutEventsServer, type PutEventsServer } from '@pulse/service-kit/testing';
import { deviceEvents } from '../adapters/bus-publishing';
import { memoryDevices } from '../testing/fakes';
import { makeRegisterDevice } from './register-device';
import { makeRetireDevice } from './retire-device';

const admin: ApiKeyAuthorizerContext = { fleetId: 'city-lyon', role: 'admin' };
const registration = { zoneId: 'presquile', location: { lat: 45.7578, lon: 4.832 }, model: 'Acme AQ-200 (rev B)', calibration: { pm25: { gain: 1.05, offset: 0.08 } } };

describe('device routes (register-device, retire-device cores)', () => {
  let server: PutEventsServer;
  let client: EventBridgeClient;

  beforeAll(async () => {
    server = await startPutEventsServer({
      failEntry: (entry) => (entry.Detail?.includes('"sensor-down"') ? { ErrorCode: 'InternalFailure', ErrorMessage: 'later' } : undefined),
    });
    client = new EventBridgeClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  function cores() {
    const deps = {
      devices: memoryDevices(),
      events: deviceEvents(createPublisher({ client, busName: 'pulse-test', source: 'pulse.ingest', sleep: async () => undefined })),
      clock: manualClock(Date.UTC(2026, 0, 1)),
      retryAfterSeconds: 5,
    };
    return { put: makeRegisterDevice(deps), del: makeRetireDevice(deps), deps };
  }
  const request = (method: 'PUT' | 'DELETE', deviceId: string, body?: unknown, caller: ApiKeyAuthorizerContext = admin) =>
    httpApiEvent<ApiKeyAuthorizerContext>({ method, path: '/v1/devices/{deviceId}', pathParameters: { deviceId }, body, authorizerContext: caller });
  const lastDetail = () => JSON.parse(server.accepted.at(-1)?.Detail ?? '{}');

  it('PUT registers (201), updates (200, revision 2) and publishes DeviceRegistered each time', async () => {
    // Prepare
    const { put } = cores();
    // Act
    const created = await put(request('PUT', 'sensor-0042', registration), lambdaContext());
    const firstEvent = lastDetail();
    const updated = await put(request('PUT', 'sensor-0042', { ...registration, zoneId: 'part-dieu', revision: 1 }), lambdaContext());
    // Assess
    expect([created.statusCode, updated.statusCode]).toEqual([201, 200]);
    expect(JSON.parse(updated.body ?? '')).toMatchObject({ deviceId: 'sensor-0042', fleetId: 'city-lyon', revision: 2, zoneId: 'part-dieu' });
    expect(DeviceRegisteredV1.validate(firstEvent).ok).toBe(true);
    expect(firstEvent.data).toMatchObject({ revision: 1, zoneId: 'presquile' });
    expect(lastDetail().data).toMatchObject({ revision: 2, zoneId: 'part-dieu' });
  });

  it('DELETE retires (204) and publishes DeviceRetired; an unknown device is 404', async () => {
    // Prepare
    const { put, del } = cores();
    await put(request('PUT', 'sensor-7', registration), lambdaContext());
    // Act
    const retired = await del(request('DELETE', 'sensor-7'), lambdaContext());
    const event = lastDetail();
    const unknown = await del(request('DELETE', 'sensor-8'), lambdaContext());
    // Assess
    expect(retired.statusCode).toBe(204);
    expect(DeviceRetiredV1.validate(event).ok).toBe(true);
    expect(event.data).toMatchObject({ deviceId: 'sensor-7', revision: 2 });
    expect(unknown.statusCode).toBe(404);
  });

  it('403 for an ingest key, 400 for a bad device id, malformed JSON or an invalid body', async () => {
    // Prepare
    const { put, del } = cores();
    // Act
    const statuses = [
      (await put(request('PUT', 'sensor-1', registration, { fleetId: 'city-lyon', role: 'ingest' }), lambdaContext())).statusCode,
      (await del(request('DELETE', 'sensor-1', undefined, { fleetId: 'city-lyon', role: 'ingest' }), lambdaContext())).statusCode,
      (await put(request('PUT', 'bad id!', registration), lambdaContext())).statusCode,
      (await put(request('PUT', 'sensor-1', '{"zoneId":'), lambdaContext())).statusCode,
      (await put(request('PUT', 'sensor-1', { ...registration, model: '' }), lambdaContext())).statusCode,
    ];
    // Assess
    expect(statuses).toEqual([403, 403, 400, 400, 400]);
  });

  it('409 when another fleet owns the device or the revision is stale', async () => {
    // Prepare
    const { put } = cores();
    await put(request('PUT', 'sensor-1', registration), lambdaContext());
    // Act
    const other = await put(request('PUT', 'sensor-1', registration, { fleetId: 'city-paris', role: 'admin' }), lambdaContext());
    const stale = await put(request('PUT', 'sensor-1', { ...registration, revision: 9 }), lambdaContext());
    // Assess
    expect([other.statusCode, stale.statusCode]).toEqual([409, 409]);
  });

  it('503 with Retry-After when the bus refuses DeviceRegistered', async () => {
    // Act
    const response = await cores().put(request('PUT', 'sensor-down', registration), lambdaContext());
    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
  });
});
