import { randomUUID } from 'node:crypto';
import { functionArn } from '@pulse/function-runner';
import { systemClock, type Clock, type S3EventSource } from '@pulse/service-kit';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { abortableSleep } from './abortable-sleep';
import { asyncFailureRecord } from './async-failure-record';
import { DEFAULT_REGION, errorText, LOCAL_ACCOUNT_ID, type ChannelLog, type InvokeFunction, type SendDeadLetter } from './channel-types';
import { currentS3Operation } from './s3-request-hooks';
import { matchesEventName, s3NotificationRecord } from './s3-event-record';

/** The part of an S3rver that notifications need. */
export interface S3EventEmitter {
  on(event: 'event', listener: (event: { Records: S3EventRecord[] }) => void): unknown;
  off(event: 'event', listener: (event: { Records: S3EventRecord[] }) => void): unknown;
}

export interface S3NotificationsOptions {
  readonly server: S3EventEmitter;
  /** The physical bucket name (the runtime's name for the declared logical bucket). */
  readonly bucket: string;
  readonly source: S3EventSource;
  readonly functionName: string;
  readonly invoke: InvokeFunction;
  readonly deadLetter: SendDeadLetter;
  readonly log: ChannelLog;
  /**
   * Wait before retry n is n × this (Lambda waits about 1 min, then 2 min). 1 s unless said,
   * so a developer sees the outcome of a failing drop within seconds.
   */
  readonly retryDelayMs?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly clock?: Clock;
}

export interface S3NotificationStats {
  /** Records of the bucket that matched the declared events, prefix and suffix. */
  readonly notified: number;
  /** Records of the bucket that did not. */
  readonly ignored: number;
  readonly invocations: number;
  readonly succeeded: number;
  readonly retries: number;
  /** Notifications whose retries ran out, sent to the on-failure queue. */
  readonly deadLettered: number;
  /** Notifications not finished yet (running, or waiting for a retry). */
  readonly inFlight: number;
}

export interface S3Notifications {
  /** Stops listening and waits for every notification received; pending retries run without their delay. */
  stop(): Promise<void>;
  stats(): S3NotificationStats;
}

export const DEFAULT_S3_RETRY_DELAY_MS = 1_000;

/**
 * The S3 → Lambda notification of one declared event source: each matching record invokes the
 * function asynchronously with `{ Records: [record] }`, retried as Lambda retries asynchronous
 * invocations, then described to the on-failure queue with Lambda's destination record.
 */
export function s3Notifications(options: S3NotificationsOptions): S3Notifications {
  const { source, bucket, log } = options;
  const region = options.region ?? DEFAULT_REGION;
  const clock = options.clock ?? systemClock;
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_S3_RETRY_DELAY_MS;
  const qualifiedArn = `${functionArn({ name: options.functionName }, { region, accountId: options.accountId ?? LOCAL_ACCOUNT_ID })}:$LATEST`;
  const counts = { notified: 0, ignored: 0, invocations: 0, succeeded: 0, retries: 0, deadLettered: 0 };
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();
  const label = `s3 ${bucket} → ${options.functionName}`;

  const deliver = async (event: S3Event): Promise<void> => {
    const requestId = randomUUID();
    const key = event.Records[0].s3.object.key;
    let failure: { errorType: string; errorMessage: string };
    for (let attempt = 1; ; attempt += 1) {
      counts.invocations += 1;
      try {
        const result = await options.invoke(options.functionName, event, { mode: 'async' });
        if (result.ok) {
          counts.succeeded += 1;
          return;
        }
        failure = { errorType: result.errorType, errorMessage: result.errorMessage };
      } catch (error) {
        failure = errorText(error);
      }
      if (attempt > source.maximumRetryAttempts) break;
      counts.retries += 1;
      log(`${label}: ${key} failed (${failure.errorType}: ${failure.errorMessage}); retry ${attempt} of ${source.maximumRetryAttempts}`);
      await abortableSleep(retryDelayMs * attempt, stopping.signal);
    }
    const body = JSON.stringify(
      asyncFailureRecord({
        requestId,
        functionArn: qualifiedArn,
        approximateInvokeCount: source.maximumRetryAttempts + 1,
        requestPayload: event,
        ...failure,
        timestamp: clock.now(),
      }),
    );
    try {
      await options.deadLetter(source.onFailureQueue, body, {
        FUNCTION_ARN: qualifiedArn,
        CONDITION: 'RetriesExhausted',
        ERROR_TYPE: failure.errorType,
        ERROR_MESSAGE: failure.errorMessage.slice(0, 1_000),
      });
      counts.deadLettered += 1;
      log(`${label}: ${key} failed ${source.maximumRetryAttempts + 1} times; sent to ${source.onFailureQueue}`);
    } catch (error) {
      // Nowhere else to keep it: the whole record goes to the log rather than vanish.
      log(`${label}: ${key} could not be sent to ${source.onFailureQueue} (${errorText(error).errorMessage}); the record: ${body}`);
    }
  };

  const onEvent = (event: { Records: S3EventRecord[] }): void => {
    // Synchronous inside s3rver's request handling, so the request's operation is still known.
    const operation = currentS3Operation();
    for (const raw of event.Records ?? []) {
      if (raw.s3?.bucket?.name !== bucket) continue;
      const record = s3NotificationRecord(raw, { region, configurationId: `pulse-local-${options.functionName}`, ...(operation ? { operation } : {}) });
      // Filters compare the key as stored, not its URL-encoded form in the record.
      const key = raw.s3.object.key;
      const wanted =
        matchesEventName(record.eventName, source.events) && key.startsWith(source.prefix) && (source.suffix === undefined || key.endsWith(source.suffix));
      if (!wanted) {
        counts.ignored += 1;
        continue;
      }
      counts.notified += 1;
      const delivery = deliver({ Records: [record] }).catch((error: unknown) => log(`${label}: unexpected failure: ${errorText(error).errorMessage}`));
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    }
  };

  options.server.on('event', onEvent);
  return {
    async stop() {
      options.server.off('event', onEvent);
      stopping.abort();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stats: () => ({ ...counts, inFlight: inFlight.size }),
  };
}
