import { bodyText, correlationIdOf, header, randomIds, systemClock, wrapHandler, lazy } from '@pulse/service-kit';
import type { ApiKeyRequestEvent, HandlerCore, HttpResult } from '@pulse/service-kit';
import { readingsSink } from '../adapters/bus-publishing';
import { rateLimitFrom, retryAfterFrom } from '../config';
import { receiveReadings, type ReceivePorts } from '../domain/receive-readings';
import { callerOf, unauthorized } from '../http/caller';
import { receiveResponse } from '../http/receive-response';
import type { IngestMetrics } from '../wiring/ingest-metrics';
import type { LogPort } from '../wiring/log-port';
import { powertools } from '../wiring/powertools';
import { devicesOwnership, ingestMetrics, publisher, rateLimitsTable } from '../wiring/production';
import { sharedFleetRateLimiter } from '../wiring/rate-limiting';

export interface ReceiveReadingsDeps extends ReceivePorts {
  readonly metrics: IngestMetrics;
  readonly logger: LogPort;
}

/** POST /v1/readings (behind the API-key authorizer): the core, built from its ports. */
export function makeReceiveReadings(deps: ReceiveReadingsDeps): HandlerCore<ApiKeyRequestEvent, HttpResult> {
  return async function receiveReadingsCore(event, context) {
    const caller = callerOf(event);
    if (!caller) return unauthorized();
    const body = bodyText(event);
    const request = {
      fleetId: caller.fleetId,
      contentType: header(event, 'content-type'),
      body,
      bodyBytes: Buffer.byteLength(body, 'utf8'),
      correlationId: correlationIdOf(event, context),
    };
    const outcome = await receiveReadings(request, deps);
    if ('stats' in outcome) {
      deps.metrics.accepted('http', outcome.stats.accepted);
      deps.metrics.rejected(outcome.stats.rejectedByRule);
      deps.metrics.publishRetries(outcome.stats.publishRetries);
    }
    if (outcome.kind !== 'accepted') deps.logger.info('readings not accepted', { fleetId: caller.fleetId, outcome: outcome.kind });
    return receiveResponse(outcome);
  };
}

const core = lazy(() => {
  const metrics = ingestMetrics();
  return makeReceiveReadings({
    clock: systemClock,
    ids: randomIds,
    ownership: devicesOwnership(),
    sink: readingsSink(publisher()),
    limiter: sharedFleetRateLimiter({ limit: rateLimitFrom(), clock: systemClock, store: rateLimitsTable(), metrics, logger: powertools.logger }),
    retryAfterSeconds: retryAfterFrom(),
    metrics,
    logger: powertools.logger,
  });
});

export const handler = wrapHandler<ApiKeyRequestEvent, HttpResult>((event, context) => core()(event, context), powertools);
