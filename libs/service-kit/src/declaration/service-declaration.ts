import type { TObject, TSchema } from '@sinclair/typebox';
import type { AnyEventContract } from '../contract-types';
import type { EventPattern } from './event-pattern';
import type { RetryPolicy } from './retry-policy';

/**
 * The one description of a service that CDK, the local runtime and the docs all read.
 * `F` is the union of the service's function names, so a route, subscription or authorizer
 * naming a function that does not exist fails to compile (and, from plain JS, at definition).
 */
/** kebab-case, ≤ 24 characters: it names the Nx app, the `scope:` tag, `pulse.<name>` and stacks. */
export type ServiceName = string;
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_SERVICE_NAME_LENGTH = 24;
/** The reference pipeline's services; a team adds its own with `nx g @pulse/tools:service`. */
export const SERVICE_NAMES: readonly ServiceName[] = ['ingest', 'transform', 'enrich', 'persist', 'alert'];

export interface ServiceDeclaration<F extends string = string> {
  readonly name: ServiceName;
  readonly description?: string;
  readonly functions: readonly FunctionDeclaration<F>[];
  readonly subscriptions?: readonly SubscriptionDeclaration<NoInfer<F>>[];
  readonly routes?: readonly RouteDeclaration<NoInfer<F>>[];
  readonly authorizer?: AuthorizerDeclaration<NoInfer<F>>;
  readonly tables?: readonly TableDeclaration[];
  readonly topics?: readonly TopicDeclaration[];
  /** Kinesis streams and S3 buckets this service owns (the deployer names them). */
  readonly streams?: readonly StreamDeclaration[];
  readonly buckets?: readonly BucketDeclaration[];
  /** Triggers that are not bus rules: Kinesis event source mappings, S3 notifications. */
  readonly eventSources?: readonly EventSourceDeclaration<NoInfer<F>>[];
  /** Contracts this service publishes; their `source` must be `pulse.<name>`. */
  readonly emits?: readonly AnyEventContract[];
}

export interface FunctionDeclaration<F extends string = string> {
  /** kebab-case; also the bundle folder: dist/apps/<service>/<name>/index.js */
  readonly name: F;
  /** Entry file relative to the app, e.g. 'src/handlers/receive-readings.ts'. */
  readonly handler: string;
  /** 128–10 240 MB. */
  readonly memoryMb: number;
  /** 1–900 s. */
  readonly timeoutSeconds: number;
  readonly reservedConcurrency?: number;
  readonly description?: string;
  readonly environment?: EnvironmentNeeds;
}

/** What a function needs wired in: the deployer grants access and sets the env variables. */
export interface EnvironmentNeeds {
  /** Publishes to the bus: PULSE_BUS_NAME + events:PutEvents. */
  readonly bus?: boolean;
  /** Tables of this service, by declared name: PULSE_TABLE_<NAME>. */
  readonly tables?: readonly { readonly table: string; readonly access: 'read' | 'readWrite' }[];
  /** Topics of this service, by declared name: PULSE_TOPIC_<NAME>_ARN + sns:Publish. */
  readonly topics?: readonly string[];
  /** Plain configuration values (windows, thresholds). */
  readonly variables?: Readonly<Record<string, string>>;
}

export type SubscriptionTarget<F extends string = string> =
  | { readonly kind: 'function'; readonly function: F }
  | { readonly kind: 'sqs'; readonly queue: string }
  | { readonly kind: 'sns'; readonly topic: string }
  | { readonly kind: 'apiDestination'; readonly destination: string };

export interface SubscriptionDeclaration<F extends string = string> {
  /** Rule name, unique on the bus. */
  readonly rule: string;
  readonly description?: string;
  /** Build it with `patternFor(contracts, extra?)`. */
  readonly pattern: EventPattern;
  /** The contracts the pattern is for: consumer contract tests run producers' samples through it. */
  readonly consumes?: readonly AnyEventContract[];
  readonly target: SubscriptionTarget<F>;
  /** Defaults to EventBridge's 185 attempts / 86 400 s. */
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Where events go when retries are exhausted: nothing acknowledged is ever dropped. */
  readonly deadLetterQueue: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteAuth = 'apiKey' | 'jwt' | 'none';

export interface RouteResponse {
  readonly description: string;
  /** Body schema; omitted for 4xx/5xx means the standard error body, otherwise no body. */
  readonly body?: TSchema;
}

export interface RouteDeclaration<F extends string = string> {
  readonly method: HttpMethod;
  /** e.g. '/v1/devices/{deviceId}'. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly function: F;
  readonly summary: string;
  readonly description?: string;
  readonly operationId?: string;
  readonly requestBody?: TSchema;
  /** Query string parameters, one property each. */
  readonly query?: TObject;
  /** Path parameter schemas by name; a parameter not listed is a plain string. */
  readonly pathParameters?: Readonly<Record<string, TSchema>>;
  readonly responses: Readonly<Record<number, RouteResponse>>;
}

export interface AuthorizerDeclaration<F extends string = string> {
  readonly function: F;
  /** 0–3600 s; 0 disables API Gateway's authorizer result cache. */
  readonly resultTtlSeconds: number;
}

export type KeyAttributeType = 'S' | 'N' | 'B';
export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyAttributeType;
}
export type IndexProjection = 'ALL' | 'KEYS_ONLY' | { readonly include: readonly string[] };

export interface TableDeclaration {
  /** Logical name (PascalCase, e.g. 'Readings'); the physical name is the deployer's. */
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalIndexes?: readonly {
    readonly name: string;
    readonly partitionKey: KeyAttribute;
    readonly sortKey?: KeyAttribute;
    readonly projection?: IndexProjection;
  }[];
  readonly localIndexes?: readonly {
    readonly name: string;
    readonly sortKey: KeyAttribute;
    readonly projection?: IndexProjection;
  }[];
  readonly timeToLiveAttribute?: string;
  readonly billing: 'onDemand' | { readonly provisioned: { readonly read: number; readonly write: number } };
}

export interface TopicDeclaration {
  readonly name: string;
  readonly description?: string;
}

export interface StreamDeclaration {
  /** Logical name, e.g. 'Readings'; the deployer names it (pulse-<env>-readings). */
  readonly name: string;
  readonly shards?: number;
  readonly retentionHours?: number;
}

export interface BucketDeclaration {
  /** Logical name, e.g. 'Drops'. */
  readonly name: string;
  /** Objects under a prefix expire after this many days (e.g. processed drops, reports). */
  readonly expirations?: readonly { readonly prefix: string; readonly days: number }[];
}

/** A Kinesis event source mapping: partial batch responses, bounded retries, failures kept. */
export interface KinesisEventSource<F extends string = string> {
  readonly kind: 'kinesis';
  readonly function: F;
  readonly stream: string;
  /** 1–10 000 records per invocation. */
  readonly batchSize: number;
  /** 0–300 s. */
  readonly maximumBatchingWindowSeconds: number;
  readonly startingPosition: 'LATEST' | 'TRIM_HORIZON';
  /** Report batchItemFailures so one bad record never blocks the shard. */
  readonly reportBatchItemFailures: boolean;
  readonly bisectBatchOnFunctionError: boolean;
  /** -1 (forever) or 0–10 000. */
  readonly maximumRetryAttempts: number;
  /** -1 (forever) or 60–604 800 s. */
  readonly maximumRecordAgeSeconds: number;
  /** Where records that exhausted their retries are described (shard, sequence numbers). */
  readonly onFailureQueue: string;
}

/** An S3 bucket notification invoking a function asynchronously. */
export interface S3EventSource<F extends string = string> {
  readonly kind: 's3';
  readonly function: F;
  readonly bucket: string;
  readonly events: readonly ('s3:ObjectCreated:*' | 's3:ObjectCreated:Put' | 's3:ObjectCreated:Post' | 's3:ObjectCreated:CompleteMultipartUpload')[];
  /** Only keys under this prefix trigger the function (keep outputs outside it). */
  readonly prefix: string;
  readonly suffix?: string;
  /** Lambda's asynchronous retries, 0–2; then the notification goes to the failure queue. */
  readonly maximumRetryAttempts: number;
  readonly onFailureQueue: string;
}

export type EventSourceDeclaration<F extends string = string> = KinesisEventSource<F> | S3EventSource<F>;
