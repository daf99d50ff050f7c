import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DeviceRegisteredV1, DeviceRetiredV1, type DeviceRegisteredV1Data } from '@pulse/schemas';
import { eventBridgeEvent, lambdaContext, sampleEvent, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { service } from '../service';
import { DEVICE_PROJECTION_TABLE } from '../tables';
import { freshImport, setEnv } from '../testing/with-env';

const registeredSample = DeviceRegisteredV1.sample.detail;

function registration(data: Partial<DeviceRegisteredV1Data>) {
  return eventBridgeEvent(DeviceRegisteredV1, { ...registeredSample, data: { ...registeredSample.data, ...data } });
}

describe('project-devices handler', () => {
  let db: LocalDynamoDb;
  let tableName: string;
  let restoreEnv: () => void;
  let projectDevices: typeof import('./project-devices').projectDevices;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    tableName = (await db.createTables(service.tables ?? []))[DEVICE_PROJECTION_TABLE]!;
    restoreEnv = setEnv({
      PULSE_TABLE_DEVICE_PROJECTION: tableName,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
    ({ projectDevices } = await freshImport(() => import('./project-devices')));
  });
  afterAll(async () => {
    restoreEnv();
    await db.close();
  });

  const stored = async (deviceId: string) =>
    (await db.documentClient.send(new GetCommand({ TableName: tableName, Key: { fleetId: 'city-lyon', deviceId } }))).Item;

  it('projects the golden DeviceRegistered event', async () => {
    // Act
    const outcome = await projectDevices(sampleEvent(DeviceRegisteredV1), lambdaContext());

    // Assess
    expect(outcome).toBe('applied');
    expect(await stored('sensor-0042')).toMatchObject({
      status: 'active',
      revision: 3,
      zoneId: 'presquile',
      location: { lat: 45.7578, lon: 4.832 },
      calibration: { pm25: { gain: 1.05, offset: 0.08 } },
    });
  });

  it('retires a device with the golden DeviceRetired event, then ignores a late lower registration', async () => {
    // Prepare
    await projectDevices(registration({ deviceId: 'sensor-0017', revision: 4 }), lambdaContext());

    // Act
    const retired = await projectDevices(sampleEvent(DeviceRetiredV1), lambdaContext());
    const late = await projectDevices(registration({ deviceId: 'sensor-0017', revision: 2 }), lambdaContext());

    // Assess
    expect([retired, late]).toEqual(['applied', 'stale']);
    expect(await stored('sensor-0017')).toMatchObject({ status: 'retired', revision: 5, retiredAt: 1714572000000 });
  });

  it('throws on an invalid event, naming the field, so EventBridge retries and then dead-letters it', async () => {
    // Prepare
    const invalid = registration({ revision: 0 });

    // Act + Assess
    await expect(projectDevices(invalid, lambdaContext())).rejects.toThrow(/invalid DeviceRegistered: data.revision/);
  });

  it('throws on an event it does not subscribe to', async () => {
    // Prepare
    const other = { ...sampleEvent(DeviceRetiredV1), 'detail-type': 'DeviceRenamed' };

    // Act + Assess
    await expect(projectDevices(other, lambdaContext())).rejects.toThrow(/cannot handle pulse.ingest DeviceRenamed/);
  });
});
