// The service kit: what every Pulse service needs, so five teams build alike.

// Service declaration (read by CDK, the local runtime and the docs)
export { defineService, declarationProblems } from './declaration/define-service';
export { validateServices } from './declaration/validate-services';
export { ServiceDeclarationError } from './declaration/declaration-error';
export { patternFor, type EventPattern, type PatternExtra } from './declaration/event-pattern';
export {
  EVENTBRIDGE_DEFAULT_RETRY_POLICY,
  EVENT_AGE_SECONDS_RANGE,
  RETRY_ATTEMPTS_RANGE,
  effectiveRetryPolicy,
  type RetryPolicy,
} from './declaration/retry-policy';
export { parseRoutePath, fillRoutePath, type RoutePathResult } from './declaration/route-path';
export { functionBundlePath } from './declaration/function-bundle-path';
export { BUS_NAME_ENV, requiredEnv, tableNameEnv, topicArnEnv } from './declaration/environment-names';
export {
  API_KEY_HEADER,
  API_KEY_IDENTITY_SOURCE,
  JWT_FLEET_CLAIM,
  type ApiKeyAuthorizerContext,
  type ApiKeyAuthorizerEvent,
  type ApiKeyAuthorizerHandler,
  type ApiKeyAuthorizerResult,
  type ApiKeyRequestEvent,
  type FleetRole,
  type JwtRequestEvent,
} from './declaration/authorizer-contract';
export {
  SERVICE_NAMES,
  type AuthorizerDeclaration,
  type EnvironmentNeeds,
  type FunctionDeclaration,
  type HttpMethod,
  type IndexProjection,
  type KeyAttribute,
  type KeyAttributeType,
  type RouteAuth,
  type RouteDeclaration,
  type RouteResponse,
  type ServiceDeclaration,
  type ServiceName,
  type SubscriptionDeclaration,
  type SubscriptionTarget,
  type TableDeclaration,
  type TopicDeclaration,
  type StreamDeclaration,
  type BucketDeclaration,
  type EventSourceDeclaration,
  type KinesisEventSource,
  type S3EventSource,
} from './declaration/service-declaration';

// Batched EventBridge publisher
export { createPublisher, type Publisher, type PublisherOptions, type PublishSummary } from './publisher/create-publisher';
export type { PublishableContract, PublishOptions } from './publisher/build-entries';
export type { PutEventsClient } from './publisher/send-call';
export { EntryTooLargeError, EventValidationError, PublishError, type FailedEntry } from './publisher/publish-errors';
export { entrySize, MAX_CALL_BYTES, MAX_ENTRIES_PER_CALL } from './publisher/entry-size';
export { packEntries } from './publisher/pack-entries';
export { fullJitterDelay, type BackoffOptions } from './publisher/backoff';

// Powertools wiring
export { createPowertools, END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE, type Powertools, type PowertoolsOptions } from './powertools/powertools';
export { createTracer, disabledTracer, tracingWanted, TRACER_PACKAGE, type PulseTracer } from './powertools/tracing';
export { wrapHandler, type HandlerCore, type WrapOptions } from './powertools/wrap-handler';
export { correlationIdOf, setCorrelationId, CORRELATION_ID_HEADER, CORRELATION_ID_KEY } from './powertools/correlation-id';

// SDK clients
export { clientConfig, dynamoDbClient, dynamoDbDocumentClient, eventBridgeClient, withoutSdkLogging, type ClientFactoryOptions } from './aws-clients';
export { resolveEndpoint, LOCAL_DEFAULT_REGION, type EndpointService, type ResolvedEndpoint } from './endpoint-config';

// Ports
export {
  fixedClock,
  isoTime,
  manualClock,
  scaledClock,
  systemClock,
  timeScaleFromEnvironment,
  TIME_SCALE_ENV,
  type Clock,
  type ManualClock,
  type TimeScale,
} from './clock';
export { randomIds, sequentialIds, type IdGenerator } from './id-generator';

// HTTP
export {
  badRequest,
  errorResponse,
  forbidden,
  json,
  listResponse,
  noContent,
  notFound,
  tooManyRequests,
  type ErrorBody,
  type HttpResult,
  type ListBody,
} from './http/http-responses';
export { bodyText, header, jsonBody } from './http/http-request';
export { decodeCursor, encodeCursor } from './http/cursor';
export { fleetOf } from './http/fleet-claim';
export { lazy } from './lazy';

// OpenAPI
export { buildOpenApi, type OpenApiInfo } from './openapi/openapi';
export { ErrorBodySchema, ListBodySchema, ValidationIssueSchema } from './openapi/body-schemas';
export { operationIdFor } from './openapi/route-operation';
export type { OpenApiDocument, OpenApiOperation } from './openapi/openapi-types';

// Contract shapes the kit relies on (from @pulse/schemas)
export type {
  AnyEventContract,
  EventContract,
  EventDetail,
  EventMetadata,
  ValidationIssue,
  ValidationResult,
} from './contract-types';

export { createTableInput } from './declaration/create-table-input';
