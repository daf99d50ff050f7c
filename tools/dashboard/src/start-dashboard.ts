import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_REGION } from '@pulse/local-bus';
import { followBusTail } from './bus/tail-client';
import { trimEvent } from './bus/trim-event';
import type { Dashboard, DashboardOptions } from './dashboard-options';
import { deadLetterQueues } from './dlq/dead-letter-queues';
import { declaredDeadLetterQueues } from './dlq/declared-queues';
import { parseEmf } from './metrics/emf';
import { HealthAggregator } from './metrics/health-aggregator';
import { BrowserStream } from './server/browser-stream';
import { frontEndAssets } from './server/front-end-bundle';
import { sendError } from './server/http-json';
import { readApi } from './server/read-api';
import { refusal } from './server/request-guard';
import { route, type RouteContext } from './server/routes';
import { fleetOfToken } from './session-fleet';
import type { DlqHealth, HealthSnapshot, TrimmedEvent } from './shared/messages';
import { STREAM_EVENTS } from './shared/messages';
import { buildTrace } from './trace/build-trace';
import { readingIdsOf } from './trace/reading-ids';
import { createRuleExplainer } from './trace/rule-explainer';
import { TraceIndex } from './trace/trace-index';

const HEALTH_EVERY_MS = 1_000;
/** Bus events reach the pages in batches, at most this often and this many (the rest are counted). */
const BUS_FLUSH_MS = 250;
const BUS_FLUSH_MAX = 50;

/**
 * Starts the operator dashboard: one HTTP server for the page, the read API (proxied with the
 * operator token), the live `/events` stream (bus events, health every second) and traces.
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[dashboard] ${line}\n`));
  const region = options.region ?? DEFAULT_REGION;
  const host = options.host ?? '127.0.0.1';
  const assets = await frontEndAssets();

  const stream = new BrowserStream();
  const health = new HealthAggregator({ services: options.services, ...(options.functionStats ? { functionStats: options.functionStats } : {}) });
  const index = new TraceIndex({ ...(options.traceEvents ? { maxEvents: options.traceEvents } : {}) });
  const explain = createRuleExplainer(options.services, region);
  const dlq = deadLetterQueues({ sqsEndpoint: options.sqsEndpoint, busEndpoint: options.busEndpoint, region, queues: declaredDeadLetterQueues(options.services) });

  let pending: TrimmedEvent[] = [];
  let dropped = 0;
  const tail = followBusTail({
    busEndpoint: options.busEndpoint,
    log,
    onEvent: (json) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(json) as Record<string, unknown>;
      } catch {
        return;
      }
      const readingIds = readingIdsOf(event);
      health.recordBusEvent();
      index.add({ eventId: String(event['id']), json, seenAt: Date.now(), readingIds });
      if (pending.length < BUS_FLUSH_MAX) pending.push(trimEvent(event, readingIds));
      else dropped += 1;
    },
  });
  const flush = setInterval(() => {
    if (pending.length === 0) return;
    stream.send(STREAM_EVENTS.bus, { events: pending, dropped });
    pending = [];
    dropped = 0;
  }, BUS_FLUSH_MS);
  flush.unref();

  let latest: HealthSnapshot | undefined;
  let depths: DlqHealth[] = declaredDeadLetterQueues(options.services).map((q) => ({ ...q, depth: null, inFlight: null }));
  let polling = false;
  const tick = () => {
    latest = health.snapshot(Date.now(), depths, tail.connected, options.clock?.now());
    stream.send(STREAM_EVENTS.health, latest);
    // SQS answers after this tick: the next snapshot carries them; a slow answer is not queued twice.
    if (polling) return;
    polling = true;
    dlq.depths()
      .then((next) => void (depths = next))
      .catch((error: unknown) => log(`DLQ depths: ${(error as Error).message}`))
      .finally(() => void (polling = false));
  };
  tick();
  const ticker = setInterval(tick, HEALTH_EVERY_MS);
  ticker.unref();

  const ctx: RouteContext = {
    assets,
    readApi: readApi(options.apiUrl, options.operatorToken),
    stream,
    dlq,
    trace: (readingId) => buildTrace(readingId, index, explain),
    latestHealth: () => latest,
    session: { fleet: fleetOfToken(options.operatorToken) },
  };

  let port = 0;
  const server = createServer((req, res) => {
    const refused = refusal(req, port, host);
    if (refused !== undefined) return sendError(res, 403, 'Forbidden', refused);
    route(ctx, req, res).catch((error: unknown) => {
      log(`${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendError(res, 500, 'InternalError', (error as Error).message);
      else res.end();
    });
  });
  const stopAll = () => {
    clearInterval(ticker);
    clearInterval(flush);
    tail.close();
    stream.close();
    dlq.close();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    stopAll();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    recordLog(_functionName, line) {
      for (const sample of parseEmf(line)) health.recordMetric(sample);
    },
    close: async () => {
      stopAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
