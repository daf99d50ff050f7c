import { S3Client } from '@aws-sdk/client-s3';
import {
  BUS_NAME_ENV,
  clientConfig,
  withoutSdkLogging,
  createPublisher,
  dynamoDbClient,
  dynamoDbDocumentClient,
  eventBridgeClient,
  requiredEnv,
  resolveEndpoint,
  systemClock,
  tableNameEnv,
  lazy,
} from '@pulse/service-kit';
import { DropBucket } from '../adapters/drop-bucket';
import { FLEETS_TABLE } from '../adapters/fleets-table-items';
import { FleetsTable } from '../adapters/fleets-table';
import { RATE_LIMITS_TABLE, RateLimitsTable } from '../adapters/rate-limits-table';
import { ownershipCacheFrom } from '../config';
import { cachedOwnership } from '../domain/ownership-cache';
import { powertoolsMetrics } from './ingest-metrics';
import { powertools } from './powertools';

// The real ports, each built once per container on first use (so importing a handler in a
// test needs no environment) and then shared by every invocation.

export const fleetsTable = /* @__PURE__ */ lazy(
  () => new FleetsTable(dynamoDbDocumentClient({ tracer: powertools.tracer }), requiredEnv(tableNameEnv(FLEETS_TABLE))),
);

/**
 * Its own client, with a short deadline: a rate limiter that cannot answer in time fails
 * open (see createSharedFleetRateLimiter) rather than hold the request for the default 3 × 5 s.
 */
export const rateLimitsTable = /* @__PURE__ */ lazy(
  () =>
    new RateLimitsTable(
      dynamoDbClient({ tracer: powertools.tracer, maxAttempts: 2, requestTimeoutMs: 2000 }),
      requiredEnv(tableNameEnv(RATE_LIMITS_TABLE)),
    ),
);

export const publisher = /* @__PURE__ */ lazy(() =>
  createPublisher({ client: eventBridgeClient({ tracer: powertools.tracer }), busName: requiredEnv(BUS_NAME_ENV), source: 'pulse.ingest' }),
);

/** Module-scope cache: it lives as long as the container, bounded in time and size. */
export const devicesOwnership = /* @__PURE__ */ lazy(() => cachedOwnership(fleetsTable(), systemClock, ownershipCacheFrom()));

export const ingestMetrics = /* @__PURE__ */ lazy(() => powertoolsMetrics(powertools.metrics));

export const dropBucket = /* @__PURE__ */ lazy(() => {
  const local = resolveEndpoint('S3', process.env).endpoint !== undefined;
  // A paused body (back-pressure while a slice is published) must not trip the socket timeout.
  const client = new S3Client({
    ...clientConfig('S3', { requestTimeoutMs: 120_000 }),
    // s3rver needs path-style addressing and no flexible checksums (TOOLCHAIN.md).
    ...(local ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
  return new DropBucket(powertools.tracer.captureAWSv3Client(withoutSdkLogging(client)));
});
