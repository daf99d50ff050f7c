import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { manualClock, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import type { RateLimit } from '../domain/fleet-rate-limiter';
import { service } from '../service';
import { recordingLogger, recordingMetrics } from '../testing/fakes';
import { sharedFleetRateLimiter } from '../wiring/rate-limiting';
import { RATE_LIMITS_TABLE, RateLimitsTable } from './rate-limits-table';

const LIMIT: RateLimit = { ratePerSecond: 1, burst: 5 };
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('RateLimitsTable against dynalite (the shared limiter as receive-readings wires it)', () => {
  let dynamo: LocalDynamoDb;
  let tableName: string;
  const clients: DynamoDBClient[] = [];

  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
    tableName = (await dynamo.createTables(service.tables ?? []))[RATE_LIMITS_TABLE];
  });
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await dynamo.close();
  });

  /** One container: its own client (counting the calls it makes), its own cache and fallback. */
  function container(clock = manualClock(Date.UTC(2026, 0, 1)), endpoint = dynamo.endpoint, limit = LIMIT) {
    const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    clients.push(client);
    const calls: string[] = [];
    client.middlewareStack.add((next, context) => (args) => (calls.push(String(context.commandName)), next(args)), { step: 'initialize' });
    const metrics = recordingMetrics();
    const logger = recordingLogger();
    const limiter = sharedFleetRateLimiter({ limit, clock, store: new RateLimitsTable(client, tableName), metrics, logger });
    return { limiter, calls, metrics, logger, clock };
  }

  it('4 containers, 40 concurrent requests of one fleet: exactly the burst is admitted, the rest get Retry-After', async () => {
    // Prepare: one clock for all (no refill during the race), four containers
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const fleet = container(clock);
    const four = [fleet, container(clock), container(clock), container(clock)];
    // Act
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => four[i % 4].limiter.take('city-race')));
    clock.advance(1_000);
    const afterOneSecond = await Promise.all(four.map((c) => c.limiter.take('city-race')));
    // Assess
    expect(decisions.filter((d) => d.ok)).toHaveLength(LIMIT.burst);
    expect(decisions.filter((d) => !d.ok)).toEqual(Array(35).fill({ ok: false, retryAfterSeconds: 1 }));
    expect(afterOneSecond.filter((d) => d.ok)).toHaveLength(1);
    expect(four.flatMap((c) => c.logger.lines)).toEqual([]); // decided by the table, never the fallback
  });

  it('costs one UpdateItem per admitted request; a refusal one failed write at most, none once the container knows', async () => {
    // Prepare: container a empties the bucket, b has not seen the fleet yet
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const [a, b] = [container(clock), container(clock)];
    // Act
    for (let i = 0; i < LIMIT.burst; i++) await a.limiter.take('city-cost');
    const refusedByA = await a.limiter.take('city-cost');
    const refusedByB = [await b.limiter.take('city-cost'), await b.limiter.take('city-cost')];
    // Assess
    expect(a.calls).toEqual(Array(LIMIT.burst).fill('UpdateItemCommand'));
    // DynamoDB returns the failing item with the error (ReturnValuesOnConditionCheckFailure); dynalite needs the GetItem.
    expect(b.calls).toEqual(['UpdateItemCommand', 'GetItemCommand']);
    expect([refusedByA, ...refusedByB]).toEqual(Array(3).fill({ ok: false, retryAfterSeconds: 1 }));
  });

  it('stores tat (epoch ms) with a TTL an hour after the bucket is full again', async () => {
    // Prepare
    const { limiter, clock } = container();
    // Act
    await limiter.take('city-ttl');
    await limiter.take('city-ttl');
    // Assess
    const { Item } = await dynamo.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'FLEET#city-ttl' } } }));
    expect(Number(Item?.tat?.N)).toBe(clock.now() + 2_000);
    expect(Number(Item?.purgeAt?.N)).toBeGreaterThanOrEqual(Math.ceil((clock.now() + 2_000) / 1000) + 3600);
    expect(service.tables?.find((t) => t.name === RATE_LIMITS_TABLE)?.timeToLiveAttribute).toBe('purgeAt');
  });

  it('fails open when the table cannot be reached: admitted on the container’s bucket, a warning and a metric', async () => {
    // Prepare: nothing listens on port 9 (discard), so every call fails to connect
    const { limiter, metrics, logger } = container(undefined, 'http://127.0.0.1:9');
    // Act
    const decisions = [];
    for (let i = 0; i < LIMIT.burst + 1; i++) decisions.push(await limiter.take('city-down'));
    // Assess
    expect(decisions.map((d) => d.ok)).toEqual([true, true, true, true, true, false]);
    expect(metrics.counts.rateLimiterUnavailable).toBe(LIMIT.burst + 1);
    expect(logger.lines[0]).toEqual({
      level: 'warn',
      message: 'rate limiter unavailable: admitted on this container’s bucket',
      extra: [{ fleetId: 'city-down', error: expect.objectContaining({ name: expect.any(String) }) }],
    });
  });

  it('reads the failing item from the error when DynamoDB returns it, without a GetItem', async () => {
    // Prepare: what DynamoDB answers (dynalite ignores ReturnValuesOnConditionCheckFailure)
    const sent: string[] = [];
    const client = {
      async send(command: { constructor: { name: string } }) {
        sent.push(command.constructor.name);
        throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException', Item: { tat: { N: '1767225605000' } } });
      },
    } as unknown as DynamoDBClient;
    // Act
    const write = await new RateLimitsTable(client, 'RateLimits').advance('city-a', 1767225600000, 1000, 1767225604000);
    // Assess
    expect(write).toEqual({ applied: false, tat: 1767225605000 });
    expect(sent).toEqual(['UpdateItemCommand']);
  });
});
