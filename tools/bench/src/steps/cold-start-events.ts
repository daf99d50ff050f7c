import { contracts, DeviceRegisteredV1, ReadingsEnrichedV1, ReadingsNormalizedV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { API_KEY_HEADER, JWT_FLEET_CLAIM, type ApiKeyAuthorizerContext } from '@pulse/service-kit';
import { httpApiEvent, sampleEvent } from '@pulse/service-kit/testing';
import { tickBatches } from '../world/city-traffic';
import { DROPS_BUCKET, type World } from '../world/local-world';
import { readingsRequest } from './pipeline-stages';

/** How one function is cold-started for real: the event of run i, and whether it did its job. */
export interface ColdStartScenario {
  event(world: World, run: number): Promise<unknown>;
  /** A problem with the result, or undefined. */
  check(result: unknown): string | undefined;
}

/** Ticks far after step 5's, so cold-start readings never overwrite the pipeline's. */
const COLD_TICKS = 2_000;

const status = (accepted: readonly number[]) => (result: unknown) => {
  const code = (result as { statusCode?: number } | undefined)?.statusCode;
  return code !== undefined && accepted.includes(code) ? undefined : `HTTP status ${code}, expected ${accepted.join(' or ')}`;
};
const anything = () => undefined;
const admin: ApiKeyAuthorizerContext = { fleetId: 'bench-city', role: 'admin' };

const SCENARIOS: Readonly<Record<string, ColdStartScenario>> = {
  'receive-readings': {
    event: async (world, run) => readingsRequest(world, 'batch', tickBatches(world.bench, COLD_TICKS + run)[0]).event,
    check: status([202]),
  },
  'authorize-api-key': {
    event: async (world) => authorizerEvent(world.adminKey),
    check: (result) => ((result as { isAuthorized?: boolean } | undefined)?.isAuthorized === true ? undefined : 'the key was not authorized'),
  },
  'register-device': {
    event: async (world, run) =>
      httpApiEvent({
        method: 'PUT',
        path: '/v1/devices/{deviceId}',
        pathParameters: { deviceId: `bench-cold-${run}-${Date.now()}` },
        body: { zoneId: world.bench.city.zones[0].zoneId, location: world.bench.city.zones[0].location, model: 'bench' },
        authorizerContext: { ...admin, fleetId: world.fleetId },
      }),
    check: status([201]),
  },
  'retire-device': {
    event: async (world, run) => {
      const deviceId = `bench-retire-${run}-${Date.now()}`;
      await world.registerDevice(deviceId, world.bench.city.zones[0].zoneId);
      return httpApiEvent({ method: 'DELETE', path: '/v1/devices/{deviceId}', pathParameters: { deviceId }, authorizerContext: { ...admin, fleetId: world.fleetId } });
    },
    check: status([204]),
  },
  'receive-kinesis-readings': {
    event: async (world, run) => kinesisEvent(world.fleetId, tickBatches(world.bench, COLD_TICKS + 100 + run)[0]),
    check: (result) => {
      const failures = (result as { batchItemFailures?: unknown[] } | undefined)?.batchItemFailures;
      return Array.isArray(failures) && failures.length === 0 ? undefined : `batchItemFailures ${JSON.stringify(failures)}`;
    },
  },
  'receive-s3-readings': {
    event: async (world, run) => {
      const key = `incoming/${world.fleetId}/cold-start-${run}-${Date.now()}.ndjson`;
      await world.s3.put(key, tickBatches(world.bench, COLD_TICKS + 200 + run)[0].map((r) => JSON.stringify(r)).join('\n'));
      return s3Event(DROPS_BUCKET, key);
    },
    check: anything,
  },
  'normalize-readings': { event: async () => sampleEvent(ReadingsReceivedV1), check: anything },
  'enrich-readings': { event: async () => sampleEvent(ReadingsNormalizedV1), check: anything },
  'project-devices': { event: async () => sampleEvent(DeviceRegisteredV1), check: anything },
  'store-readings': {
    event: async () => sampleEvent(ReadingsEnrichedV1),
    check: (result) => ((result as { stored?: number } | undefined)?.stored === 2 ? undefined : `stored ${JSON.stringify(result)}`),
  },
  'evaluate-readings': { event: async () => sampleEvent(ReadingsEnrichedV1), check: anything },
  'get-device-readings': {
    event: async (world) =>
      httpApiEvent({
        method: 'GET',
        path: '/v1/devices/{deviceId}/readings',
        pathParameters: { deviceId: world.bench.city.devices[0].deviceId },
        jwtClaims: { [JWT_FLEET_CLAIM]: world.fleetId },
      }),
    // 404 is the answer for a device with no readings yet (the pipeline step may not have run).
    check: status([200, 404]),
  },
  'list-zones': { event: async (world) => httpApiEvent({ method: 'GET', path: '/v1/zones', jwtClaims: { [JWT_FLEET_CLAIM]: world.fleetId } }), check: status([200]) },
  'list-alerts': { event: async (world) => httpApiEvent({ method: 'GET', path: '/v1/alerts', jwtClaims: { [JWT_FLEET_CLAIM]: world.fleetId } }), check: status([200]) },
};

/**
 * The scenario of a function; for a function the bench does not know yet, the golden sample
 * of the first event it consumes, else a request to its first route (path parameters from the
 * city; any answer below 500 counts); undefined when it has neither.
 */
export function coldStartScenario(world: World, functionName: string): ColdStartScenario | undefined {
  const known = SCENARIOS[functionName];
  if (known) return known;
  const fn = world.fn(functionName);
  const subscription = (fn.service.subscriptions ?? []).find((s) => s.target.kind === 'function' && s.target.function === functionName);
  const consumed = subscription?.consumes?.[0];
  const contract = consumed && contracts.find((c) => c.source === consumed.source && c.detailType === consumed.detailType);
  if (contract) return { event: async () => sampleEvent(contract), check: anything };
  const route = (fn.service.routes ?? []).find((r) => r.function === functionName);
  if (!route) return undefined;
  return {
    event: async (w) => {
      const known: Record<string, string> = { deviceId: w.bench.city.devices[0].deviceId, zoneId: w.bench.city.zones[0].zoneId };
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParameters = Object.fromEntries(names.map((n) => [n, known[n] ?? 'bench']));
      const auth = route.auth === 'jwt' ? { jwtClaims: { [JWT_FLEET_CLAIM]: w.fleetId } } : { authorizerContext: { ...admin, fleetId: w.fleetId } };
      return httpApiEvent({ method: route.method, path: route.path, ...(names.length > 0 ? { pathParameters } : {}), ...auth });
    },
    check: (result) => {
      const code = (result as { statusCode?: number } | undefined)?.statusCode;
      return code !== undefined && code < 500 ? undefined : `HTTP status ${code}`;
    },
  };
}

/** API Gateway's payload 2.0 REQUEST authorizer event for POST /v1/readings. */
function authorizerEvent(apiKey: string): unknown {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:us-east-1:000000000000:bench/$default/POST/v1/readings',
    identitySource: [apiKey],
    routeKey: 'POST /v1/readings',
    rawPath: '/v1/readings',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', [API_KEY_HEADER]: apiKey },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method: 'POST', path: '/v1/readings', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'pulse-bench' },
      requestId: 'bench',
      routeKey: 'POST /v1/readings',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

function kinesisEvent(fleetId: string, readings: readonly unknown[]): unknown {
  const sequenceNumber = `${Date.now()}000000000000000000000000000000000000000000`;
  return {
    Records: [
      {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: fleetId,
          sequenceNumber,
          data: Buffer.from(JSON.stringify({ fleetId, readings })).toString('base64'),
          approximateArrivalTimestamp: Date.now() / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000000:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::000000000000:role/pulse-ingest-kinesis',
        awsRegion: 'us-east-1',
        eventSourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/pulse-local-readings',
      },
    ],
  };
}

function s3Event(bucket: string, key: string): unknown {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:BENCH' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'bench', 'x-amz-id-2': 'bench' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'pulse-ingest-drops',
          bucket: { name: bucket, ownerIdentity: { principalId: 'BENCH' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size: 1, eTag: 'bench', sequencer: '0' },
        },
      },
    ],
  };
}
