import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { resolveEndpoint, type EndpointService } from './endpoint-config';

export interface ClientFactoryOptions {
  /** Defaults to process.env; tests pass their own. */
  readonly env?: NodeJS.ProcessEnv;
  readonly endpoint?: string;
  readonly region?: string;
  /** SDK attempts per call (its own retry of throttling/5xx/network errors). Default 3. */
  readonly maxAttempts?: number;
  /** Default 1 000 ms: a loopback or in-region connect that takes longer is broken. */
  readonly connectionTimeoutMs?: number;
  /** Default 5 000 ms, then TimeoutError (retried by the SDK). Keep under the Lambda timeout. */
  readonly requestTimeoutMs?: number;
  /** Powertools' tracer: when tracing is on, each call becomes an X-Ray subsegment. */
  readonly tracer?: { captureAWSv3Client<T>(client: T): T };
}

/** Create once at module scope; the endpoint comes from AWS_ENDPOINT_URL_EVENTBRIDGE locally. */
export function eventBridgeClient(options: ClientFactoryOptions = {}): EventBridgeClient {
  return trace(withoutSdkLogging(new EventBridgeClient(clientConfig('EVENTBRIDGE', options))), options);
}

/** Create once at module scope; the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB locally (dynalite). */
export function dynamoDbClient(options: ClientFactoryOptions = {}): DynamoDBClient {
  return trace(withoutSdkLogging(new DynamoDBClient(clientConfig('DYNAMODB', options))), options);
}

/** Document client over `dynamoDbClient`; undefined attributes are dropped rather than rejected. */
export function dynamoDbDocumentClient(options: ClientFactoryOptions = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamoDbClient(options), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The shared client settings, for clients the kit has no factory for (SNS, SQS, Kinesis). */
export function clientConfig(service: EndpointService, options: ClientFactoryOptions = {}) {
  const { endpoint, region, credentials } = resolveEndpoint(service, options.env ?? process.env, options);
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: options.connectionTimeoutMs ?? 1000,
      requestTimeout: options.requestTimeoutMs ?? 5000,
      throwOnRequestTimeout: true,
    }),
  };
}

/** What `withoutSdkLogging` needs of a client: any SDK v3 client has it. */
interface WithMiddlewareStack {
  readonly middlewareStack: { remove(name: string): boolean };
}

/**
 * Takes the SDK's logger middleware off a client. On every call it copies the request and the
 * response through the operation's schema to hide sensitive members, for the client's logger,
 * even when that logger is the SDK's default no-op one: for a BatchWriteItem of 25 readings
 * about half of the call's CPU (persist's README, "Figures"). Kit clients get no SDK logger, so
 * nothing is lost: Powertools logs what a service has to say. Apply it to clients built from
 * `clientConfig` too.
 */
export function withoutSdkLogging<T extends WithMiddlewareStack>(client: T): T {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

function trace<T>(client: T, options: ClientFactoryOptions): T {
  return options.tracer ? options.tracer.captureAWSv3Client(client) : client;
}
