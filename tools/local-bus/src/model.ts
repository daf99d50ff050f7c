/**
 * The shapes shared by the bus's API side (src/api, src/rules) and its delivery side
 * (src/delivery, src/journal, src/archive). Each side codes against these, not each other.
 */

/** An event as EventBridge delivers it to targets. */
export interface BusEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  /** ISO-8601, second precision, as EventBridge writes it. */
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: unknown;
  /** Set on events re-delivered by StartReplay, as AWS does. */
  readonly 'replay-name'?: string;
}

export interface RetryPolicy {
  /** 0–185 */
  readonly maximumRetryAttempts: number;
  /** 60–86 400 */
  readonly maximumEventAgeSeconds: number;
}

export type TargetKind = 'function' | 'sqs' | 'apiDestination';

export interface TargetSpec {
  /** The target Id within its rule. */
  readonly id: string;
  readonly arn: string;
  readonly kind: TargetKind;
  /** Function name, queue name or API destination name, resolved from the ARN. */
  readonly name: string;
  readonly retryPolicy: RetryPolicy;
  /** Queue name of the target's dead-letter queue; undefined = none (AWS drops; Pulse warns). */
  readonly deadLetterQueue?: string;
}

export interface RuleSpec {
  readonly name: string;
  readonly busName: string;
  readonly arn: string;
  /** The pattern text as stored (EventBridge keeps the text). */
  readonly eventPattern: string;
  readonly state: 'ENABLED' | 'DISABLED';
  readonly description?: string;
  readonly targets: readonly TargetSpec[];
  /** 'declaration' for rules read from the services, 'api' for rules made through PutRule. */
  readonly managedBy: 'declaration' | 'api';
}

/** One event bound for one target of one rule. */
export interface Delivery {
  readonly event: BusEvent;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly target: TargetSpec;
}

/**
 * What the API side hands accepted events to. `enqueue` resolves once the deliveries are
 * durable (journaled), so PutEvents can answer before any target runs, and nothing accepted
 * is lost if the process dies.
 */
export interface Dispatcher {
  enqueue(deliveries: readonly Delivery[]): Promise<void>;
}

/** Stores every accepted event, for StartReplay. */
export interface Archive {
  append(events: readonly BusEvent[]): Promise<void>;
  /**
   * Events whose `time` is in [from, to), oldest first; with `keep`, only those it accepts
   * (applied while reading, so a long window of other events is never held in memory).
   */
  read(from: Date, to: Date, keep?: (event: BusEvent) => boolean): AsyncIterable<BusEvent>;
}

/** How delivery reaches targets; the local runtime wires the function runner and the SQS server. */
export interface TargetInvoker {
  /** Asynchronous invocation: resolves when the function succeeded, rejects with its error. */
  invokeFunction(functionName: string, event: BusEvent): Promise<void>;
  /** SendMessage to a queue, with message attributes (String values). */
  sendToQueue(queueName: string, body: string, attributes: Readonly<Record<string, string>>): Promise<void>;
  /** POST the event to an API destination (webhook); rejects on a non-2xx answer. */
  callApiDestination(destinationName: string, event: BusEvent): Promise<void>;
}
