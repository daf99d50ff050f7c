import { request } from 'node:http';
import type { FunctionStats } from '@pulse/function-runner';
import { FIVE_SERVICES } from '@pulse/local-bus';
import { END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE } from '@pulse/service-kit';
import { eventually } from './__fixtures__/eventually';
import { startFixturePipeline, type FixturePipeline } from './__fixtures__/fixture-pipeline';
import { PAGE_CAP } from './__fixtures__/read-api-stand-in';
import { createSseParser, type SseMessage } from './bus/sse-parser';
import type { Dashboard } from './dashboard-options';
import type { HealthSnapshot, RedriveView, TraceResult } from './shared/messages';
import { startDashboard } from './start-dashboard';

const stats: FunctionStats = { invocations: 12, errors: 1, timeouts: 0, coldStarts: 1, injectedFaults: 0, p50DurationMs: 8, p99DurationMs: 90, queueDepth: 0, busyWorkers: 0, workers: 1 };
const emf = (ms: number) =>
  JSON.stringify({ _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [['service']], Metrics: [{ Name: END_TO_END_LATENCY_METRIC, Unit: 'Milliseconds' }] }] }, service: 'persist', [END_TO_END_LATENCY_METRIC]: ms });

/** A raw request, so the Host and Origin headers are ours to choose (fetch fixes them). */
function raw(url: string, options: { method?: string; headers?: Record<string, string> }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startDashboard (server side, against the fixture pipeline)', () => {
  let pipeline: FixturePipeline;
  let dashboard: Dashboard;
  const get = async <T>(path: string) => (await (await fetch(`${dashboard.url}${path}`)).json()) as T;

  beforeAll(async () => {
    pipeline = await startFixturePipeline();
    dashboard = await startDashboard({
      ...pipeline,
      services: FIVE_SERVICES,
      functionStats: () => ({ 'store-readings': stats }),
      // A runtime running an hour ahead (compressed time).
      clock: { now: () => Date.now() + 3_600_000 },
      log: () => undefined,
    });
    await eventually('the bus tail followed', async () => (await get<HealthSnapshot | null>('/api/health'))?.busConnected === true);
  });

  afterAll(async () => {
    await dashboard?.close();
    await pipeline?.close();
  });

  it('serves the page and its bundle from the package, without the operator token anywhere', async () => {
    // Act
    const page = await fetch(`${dashboard.url}/`);
    const html = await page.text();
    const script = await (await fetch(`${dashboard.url}/assets/app.js`)).text();
    const styles = await fetch(`${dashboard.url}/assets/app.css`);

    // Assess
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('/assets/app.js');
    expect(script).toContain('/api/zones');
    expect(styles.status).toBe(200);
    expect(await styles.text()).toContain('.uplot');
    for (const text of [html, script, JSON.stringify(await get('/api/session'))]) expect(text).not.toContain(pipeline.operatorToken);
    expect(await get('/api/session')).toEqual({ fleet: 'city-lyon' });
  });

  it('proxies the read API with the token, following every page', async () => {
    // Prepare
    const until = new Date().toISOString();
    const since = new Date(Date.now() - 3_600_000).toISOString();

    // Act
    const zones = await get<{ items: { zoneId: string }[]; nextCursor: string | null }>('/api/zones');
    const readings = await get<{ items: { readingId: string; zoneId: string }[]; nextCursor: string | null }>(`/api/zones/vaise/readings?since=${since}&until=${until}`);
    const alerts = await get<{ items: { zoneId: string }[] }>('/api/alerts?zoneId=vaise&status=resolved');

    // Assess
    expect(zones.items).toHaveLength(8);
    expect(readings.items.length).toBeGreaterThan(PAGE_CAP);
    expect(readings.nextCursor).toBeNull();
    expect(new Set(readings.items.map((r) => r.zoneId))).toEqual(new Set(['vaise']));
    expect(alerts.items.map((a) => a.zoneId)).toEqual(['vaise']);
  });

  it("passes the zone route's 404 through for a zone the fleet never reported from", async () => {
    // Act
    const answer = await fetch(`${dashboard.url}/api/zones/nowhere/readings?since=${new Date(Date.now() - 3_600_000).toISOString()}`);

    // Assess
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: { code: 'NotFound', message: 'zone nowhere has no readings' } });
  });

  it("passes the read API's refusal through (a dashboard with a bad token)", async () => {
    const other = await startDashboard({ ...pipeline, operatorToken: 'not-a-jwt', services: FIVE_SERVICES, log: () => undefined });
    try {
      const answer = await fetch(`${other.url}/api/zones`);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ message: 'Unauthorized' });
    } finally {
      await other.close();
    }
  });

  it('answers only its own loopback names, and acts only for its own pages', async () => {
    const url = `${dashboard.url}/api/dlq/transform-dlq/redrive`;
    const own = `127.0.0.1:${dashboard.port}`;
    expect((await raw(`${dashboard.url}/api/zones`, { headers: { host: 'attacker.example' } })).status).toBe(403);
    expect((await raw(url, { method: 'POST', headers: { host: own } })).status).toBe(403);
    expect((await raw(url, { method: 'POST', headers: { host: own, origin: 'http://attacker.example', 'x-pulse-dashboard': '1' } })).status).toBe(403);
    // Its own page's action passes the guard (and finds no such queue); a wrong method is named.
    expect((await raw(`${dashboard.url}/api/dlq/no-such-queue/redrive`, { method: 'POST', headers: { host: `localhost:${dashboard.port}`, origin: `http://${own}`, 'x-pulse-dashboard': '1' } })).status).toBe(404);
    expect((await raw(`${dashboard.url}/api/zones`, { method: 'DELETE', headers: { host: own, 'x-pulse-dashboard': '1' } })).status).toBe(405);
  });

  it('streams bus events (trimmed) and health to the page, and traces their readings', async () => {
    // Prepare
    const messages: SseMessage[] = [];
    const stream = await new Promise<() => void>((resolve) => {
      const req = request(`${dashboard.url}/events`, { agent: false }, (res) => {
        res.setEncoding('utf8');
        res.on('data', createSseParser((m) => messages.push(m)));
        resolve(() => req.destroy());
      });
      req.end();
    });

    // Act
    await pipeline.playIncident();
    await eventually('five bus events on the stream', () => messages.filter((m) => m.event === 'bus').flatMap((m) => (JSON.parse(m.data) as { events: unknown[] }).events).length >= 5);
    stream();
    const events = messages.filter((m) => m.event === 'bus').flatMap((m) => (JSON.parse(m.data) as { events: { detailType: string; readingIds: string[] }[] }).events);
    const readingId = events[0]!.readingIds[0]!;
    const trace = await get<TraceResult>(`/api/trace/${encodeURIComponent(readingId)}`);
    const unknown = await get<TraceResult>('/api/trace/nobody%401');

    // Assess
    expect(messages.some((m) => m.event === 'health')).toBe(true);
    expect(events.map((e) => e.detailType)).toEqual(['ReadingsReceived', 'ReadingsNormalized', 'ReadingsEnriched', 'ReadingsStored', 'AlertRaised']);
    expect(JSON.stringify(events)).not.toContain('measurements');
    expect(trace.hops.map((h) => h.detailType)).toEqual(['ReadingsReceived', 'ReadingsNormalized', 'ReadingsEnriched', 'ReadingsStored', 'AlertRaised']);
    expect(unknown).toEqual({ readingId: 'nobody@1', hops: [], window: trace.window });
  });

  it('reports function stats, EMF latency and DLQ depths; inspects and redrives a dead-letter queue', async () => {
    // Prepare: the readings' function targets fail without a runner and dead-letter
    await pipeline.playIncident();
    dashboard.recordLog('store-readings', emf(240));
    dashboard.recordLog('store-readings', '{"level":"INFO","message":"not a metric"}');
    const health = await eventually('a dead letter in transform-dlq', async () => {
      const snapshot = await get<HealthSnapshot>('/api/health');
      return (snapshot.dlq.find((q) => q.queue === 'transform-dlq')?.depth ?? 0) > 0 && snapshot;
    });

    // Act
    const peeked = await get<{ items: { detailType: string; attributes: Record<string, string> }[] }>('/api/dlq/transform-dlq/messages');
    const redrive = await fetch(`${dashboard.url}/api/dlq/transform-dlq/redrive`, { method: 'POST', headers: { 'x-pulse-dashboard': '1' } });
    const missing = await fetch(`${dashboard.url}/api/dlq/no-such-queue/messages`);

    // Assess
    expect(health.functions).toEqual([expect.objectContaining({ service: 'persist', function: 'store-readings', invocations: 12, errors: 1, p99DurationMs: 90 })]);
    expect(health.latency.acceptedToStored).toEqual({ count: 1, p50Ms: 240, p99Ms: 240 });
    expect(health.pipelineNow).toBeGreaterThanOrEqual(health.at + 3_600_000);
    expect(health.dlq.find((q) => q.queue === 'ingest-kinesis-dlq')).toMatchObject({ depth: null, feeds: ['kinesis Readings → receive-kinesis-readings'] });
    expect(peeked.items[0]).toMatchObject({ detailType: 'ReadingsReceived', attributes: expect.objectContaining({ RULE_ARN: expect.stringContaining('transform-readings-received') }) });
    expect(redrive.status).toBe(200);
    const result = (await redrive.json()) as RedriveView;
    expect(result.redriven).toBeGreaterThanOrEqual(1);
    expect(result.failed).toEqual([]);
    expect(missing.status).toBe(404);
  });
});
