import { tableNameEnv, type ApiKeyAuthorizerContext, type ApiKeyAuthorizerEvent, type ApiKeyAuthorizerResult, type HttpResult, type ApiKeyRequestEvent } from '@pulse/service-kit';
import { httpApiEvent, lambdaContext, startLocalDynamoDb, startPutEventsServer, type LocalDynamoDb, type PutEventsServer } from '@pulse/service-kit/testing';
import { FleetsTable } from '../adapters/fleets-table';
import { fleetAdmin } from '../domain/fleet-admin';
import { service } from '../service';
import goldenAuthorizerEvent from './__fixtures__/authorizer-event.json';

type Handler<E, R> = (event: E, context: ReturnType<typeof lambdaContext>) => Promise<R>;

// The module-level `handler`s as Lambda runs them: real ports from the environment, built
// on first use, against dynalite and a PutEvents server; Powertools output captured.
describe('deployed wiring (module handlers from env)', () => {
  let dynamo: LocalDynamoDb;
  let bus: PutEventsServer;
  let adminKey: string;
  let keyId: string;
  const saved = { ...process.env };
  const output: string[] = [];
  let spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
    const tables = await dynamo.createTables(service.tables ?? []);
    bus = await startPutEventsServer();
    const admin = fleetAdmin(new FleetsTable(dynamo.documentClient, tables.Fleets), { now: () => Date.now() });
    await admin.createFleet('city-lyon');
    ({ key: adminKey, record: { keyId } } = await admin.createKey('city-lyon', 'admin'));
    Object.assign(process.env, {
      PULSE_BUS_NAME: 'pulse-test',
      ...Object.fromEntries(Object.entries(tables).map(([name, physical]) => [tableNameEnv(name), physical])),
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
  });
  beforeEach(() => {
    const capture = (chunk: string | Uint8Array) => (output.push(String(chunk)), true);
    spies = [jest.spyOn(process.stdout, 'write').mockImplementation(capture), jest.spyOn(process.stderr, 'write').mockImplementation(capture)];
  });
  afterEach(() => spies.forEach((spy) => spy.mockRestore()));
  afterAll(async () => {
    process.env = saved;
    await bus.close();
    await dynamo.close();
  });

  function load<E, R>(name: string): Handler<E, R> {
    let handler: Handler<E, R> | undefined;
    jest.isolateModules(() => {
      handler = (require(`./${name}`) as { handler: Handler<E, R> }).handler;
    });
    return handler as Handler<E, R>;
  }

  it('authorizer: allows a stored key with fleet and role, refuses others, and never logs the key', async () => {
    // Prepare
    const authorize = load<ApiKeyAuthorizerEvent, ApiKeyAuthorizerResult>('authorize-api-key');
    const withKey = (key: string) => ({ ...goldenAuthorizerEvent, identitySource: [key], headers: { ...goldenAuthorizerEvent.headers, 'x-api-key': key } }) as unknown as ApiKeyAuthorizerEvent;
    // Act
    const allowed = await authorize(withKey(adminKey), lambdaContext());
    const refused = await authorize(withKey(`${adminKey}x`), lambdaContext());
    // Assess
    expect(allowed).toEqual({ isAuthorized: true, context: { fleetId: 'city-lyon', role: 'admin' } });
    expect(refused).toEqual({ isAuthorized: false });
    const logs = output.join('');
    expect(logs).toContain('api key refused');
    expect(logs).not.toContain(adminKey);
    expect(keyId).toHaveLength(12);
  });

  it('register-device then receive-readings: 201, 202, events on the bus and EMF metrics', async () => {
    // Prepare
    const register = load<ApiKeyRequestEvent, HttpResult>('register-device');
    const receive = load<ApiKeyRequestEvent, HttpResult>('receive-readings');
    const caller: ApiKeyAuthorizerContext = { fleetId: 'city-lyon', role: 'admin' };
    const body = { zoneId: 'presquile', location: { lat: 45.7578, lon: 4.832 }, model: 'Acme AQ-200' };
    const now = Date.now();
    // Act
    const registered = await register(
      httpApiEvent({ method: 'PUT', path: '/v1/devices/{deviceId}', pathParameters: { deviceId: 'sensor-0042' }, body, authorizerContext: caller }),
      lambdaContext(),
    );
    const received = await receive(
      httpApiEvent({ method: 'POST', path: '/v1/readings', body: { readings: [{ deviceId: 'sensor-0042', timestamp: now, measurements: { pm25: 9 } }, { deviceId: 'sensor-0042', timestamp: now, measurements: { pm25: -9 } }] }, authorizerContext: caller }),
      lambdaContext(),
    );
    // Assess
    expect(registered.statusCode).toBe(201);
    expect(received.statusCode).toBe(202);
    expect(JSON.parse(received.body ?? '').readingIds).toEqual([`sensor-0042@${now}`]);
    expect(bus.accepted.map((e) => e.DetailType)).toEqual(['DeviceRegistered', 'ReadingsReceived']);
    const emf = output.join('').split('\n').filter((line) => line.includes('"_aws"')).map((line) => JSON.parse(line));
    expect(emf).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ readingsAccepted: 1, channel: 'http', service: 'ingest' }),
        expect.objectContaining({ readingsRejected: 1, rule: 'minimum' }),
      ]),
    );
  });
});
