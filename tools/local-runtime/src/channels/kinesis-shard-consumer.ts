import { randomUUID } from 'node:crypto';
import type { _Record } from '@aws-sdk/client-kinesis';
import type { Clock, KinesisEventSource } from '@pulse/service-kit';
import type { KinesisStreamRecord } from 'aws-lambda';
import { abortableSleep } from './abortable-sleep';
import { errorText, type ChannelLog, type InvokeFunction, type SendDeadLetter } from './channel-types';
import { batchOutcome, type BatchOutcome } from './kinesis-batch-outcome';
import { arrivalMs, lambdaKinesisRecord, type KinesisEventContext } from './kinesis-event';
import { streamFailureRecord, type LastResponse, type StreamFailureCondition } from './kinesis-failure-record';
import type { ShardReader } from './kinesis-shard-reader';

/** Lambda's limit on a synchronous invocation's payload: a batch closes early when the next record would pass it. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
const EVENT_ENVELOPE_BYTES = '{"Records":[]}'.length;
const MAX_BACKOFF_MS = 5_000;

/** A record read and not yet behind the checkpoint. */
interface Entry {
  readonly record: _Record;
  readonly sequenceNumber: string;
  readonly lambda: KinesisStreamRecord;
  /** Its share of the event's JSON, comma included. */
  readonly bytes: number;
  /** Failed invocations it was part of that count as retries (bisecting does not). */
  failures: number;
  invocations: number;
}

export interface PollerCounters {
  recordsRead: number;
  batchesInvoked: number;
  recordsFailed: number;
  deadLettered: number;
}

export interface ShardConsumerOptions {
  readonly reader: ShardReader;
  readonly source: KinesisEventSource;
  readonly streamName: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly eventContext: KinesisEventContext;
  readonly invoke: InvokeFunction;
  readonly deadLetter: SendDeadLetter;
  readonly log: ChannelLog;
  readonly clock: Clock;
  readonly idlePollMs: number;
  readonly retryDelayMs: number;
  readonly counters: PollerCounters;
  readonly checkpoint: (sequenceNumber: string) => void;
  readonly signal: AbortSignal;
}

/**
 * One shard's event source mapping, as Lambda runs it: gather a batch (size, window, payload
 * limit), invoke synchronously, advance the checkpoint past what succeeded, retry the rest in
 * order (bisecting on function errors when declared), and past the retry or age limit describe
 * the batch to the on-failure queue and move on. The shard never advances past a record that was
 * neither processed nor described, so records are delivered at least once and in order.
 */
export class ShardConsumer {
  private readonly buffer: Entry[] = [];
  /** Entries of the batch in hand already behind the checkpoint. */
  private readonly committed = new Set<Entry>();
  private readonly label: string;
  private readErrors = 0;
  iteratorAgeMs = 0;

  constructor(private readonly o: ShardConsumerOptions) {
    this.label = `kinesis ${o.streamName} ${o.reader.shardId} → ${o.functionName}`;
  }

  async run(): Promise<void> {
    while (!this.o.signal.aborted) {
      const batch = await this.gather();
      if (batch.length > 0) {
        try {
          await this.process(batch);
        } catch (error) {
          // A bug here must not lose records: what was not checkpointed goes back to be redelivered.
          this.o.log(`${this.label}: unexpected failure, the batch will be redelivered: ${(error as Error).stack ?? String(error)}`);
          this.buffer.unshift(...batch.filter((entry) => !this.committed.has(entry)));
          await abortableSleep(this.o.retryDelayMs + this.o.idlePollMs, this.o.signal);
        }
        this.committed.clear();
      } else if (this.o.reader.finished && this.buffer.length === 0) {
        this.o.log(`${this.label}: shard closed and fully processed`);
        return;
      }
    }
  }

  /** Waits for records, then keeps reading until the batch is full or the batching window has passed. */
  private async gather(): Promise<Entry[]> {
    const { source, signal, idlePollMs } = this.o;
    const windowMs = source.maximumBatchingWindowSeconds * 1000;
    // Records left from an earlier read have waited already: they go out without a new window.
    let windowEndsAt = this.buffer.length > 0 ? Date.now() : undefined;
    while (!signal.aborted && !this.full() && !this.o.reader.finished) {
      if (windowEndsAt !== undefined && Date.now() >= windowEndsAt) break;
      const wanted = source.batchSize - this.buffer.length;
      const records = await this.read(wanted);
      if (records.length > 0) {
        this.buffer.push(...records.map((record) => this.entry(record)));
        windowEndsAt ??= Date.now() + windowMs;
        if (records.length >= wanted) continue;
      }
      const left = windowEndsAt === undefined ? idlePollMs : Math.min(idlePollMs, windowEndsAt - Date.now());
      if (left > 0) await abortableSleep(left, signal);
    }
    // Records read but not invoked when stopping stay after the checkpoint: the next run reads them again.
    return signal.aborted ? [] : this.takeBatch();
  }

  private full(): boolean {
    return this.buffer.length >= this.o.source.batchSize || this.payloadBytes(this.buffer) >= SYNC_PAYLOAD_LIMIT_BYTES;
  }

  private takeBatch(): Entry[] {
    let bytes = EVENT_ENVELOPE_BYTES;
    let count = 0;
    while (count < this.buffer.length && count < this.o.source.batchSize) {
      bytes += this.buffer[count].bytes;
      if (count > 0 && bytes > SYNC_PAYLOAD_LIMIT_BYTES) break;
      count += 1;
    }
    return this.buffer.splice(0, count);
  }

  private payloadBytes(entries: readonly Entry[]): number {
    return entries.reduce((sum, entry) => sum + entry.bytes, EVENT_ENVELOPE_BYTES);
  }

  private async read(limit: number): Promise<_Record[]> {
    try {
      const records = await this.o.reader.read(limit);
      this.readErrors = 0;
      this.o.counters.recordsRead += records.length;
      return records;
    } catch (error) {
      this.readErrors += 1;
      if (this.readErrors === 1 || this.readErrors % 20 === 0) {
        this.o.log(`${this.label}: reading failed (${this.readErrors}× in a row), retrying: ${errorText(error).errorMessage}`);
      }
      await abortableSleep(Math.min(this.o.idlePollMs * 2 ** Math.min(this.readErrors, 6), MAX_BACKOFF_MS), this.o.signal);
      return [];
    }
  }

  private entry(record: _Record): Entry {
    const lambda = lambdaKinesisRecord(record, this.o.eventContext);
    return { record, sequenceNumber: record.SequenceNumber ?? '', lambda, bytes: Buffer.byteLength(JSON.stringify(lambda)) + 1, failures: 0, invocations: 0 };
  }

  /** Works through one batch and the halves and remainders it turns into, front first, so order holds. */
  private async process(batch: Entry[]): Promise<void> {
    const { source, signal } = this.o;
    const work: Entry[][] = [batch];
    let last: LastResponse | undefined;
    while (work.length > 0 && !signal.aborted) {
      const current = work[0];
      const expired = this.expiredPrefix(current);
      if (expired > 0) {
        const ageResponse = last ?? { statusCode: 200, errorType: 'RecordAgeExceeded', errorMessage: `older than ${source.maximumRecordAgeSeconds} s` };
        if (!(await this.giveUp(current.slice(0, expired), 'RecordAgeExceeded', ageResponse))) return;
        if (expired === current.length) work.shift();
        else work[0] = current.slice(expired);
        continue;
      }
      const outcome = await this.invoke(current);
      if (outcome.kind === 'success') {
        this.commit(current);
        work.shift();
      } else if (outcome.kind === 'notInvoked') {
        this.o.log(`${this.label}: not invoked (${outcome.errorType}: ${outcome.errorMessage}); retrying`);
        await abortableSleep(Math.max(this.o.retryDelayMs, this.o.idlePollMs), signal);
      } else if (outcome.kind === 'failed' && outcome.functionError && source.bisectBatchOnFunctionError && current.length > 1) {
        last = outcome.response;
        this.o.counters.recordsFailed += current.length;
        const middle = Math.ceil(current.length / 2);
        this.o.log(`${this.label}: ${outcome.response.errorType} on ${current.length} records; bisecting`);
        work.splice(0, 1, current.slice(0, middle), current.slice(middle));
      } else {
        last = outcome.response;
        const failed = outcome.kind === 'partial' ? current.slice(outcome.firstFailed) : current;
        if (outcome.kind === 'partial') this.commit(current.slice(0, outcome.firstFailed));
        work[0] = failed;
        if (await this.failedAttempt(failed, outcome.response)) work.shift();
      }
    }
  }

  /** Counts a retry against each record; past the limit the batch is described and skipped. Returns true when given up. */
  private async failedAttempt(failed: Entry[], response: LastResponse): Promise<boolean> {
    this.o.counters.recordsFailed += failed.length;
    for (const entry of failed) entry.failures += 1;
    const limit = this.o.source.maximumRetryAttempts;
    const retries = Math.max(...failed.map((entry) => entry.failures));
    if (limit !== -1 && retries > limit) return this.giveUp(failed, 'RetryAttemptsExhausted', response);
    this.o.log(`${this.label}: ${response.errorType} (${response.errorMessage}); retry ${retries} of ${limit === -1 ? '∞' : limit} from ${failed[0].sequenceNumber}`);
    await abortableSleep(this.o.retryDelayMs, this.o.signal);
    return false;
  }

  private async invoke(entries: readonly Entry[]): Promise<BatchOutcome> {
    const event = { Records: entries.map((entry) => entry.lambda) };
    this.iteratorAgeMs = Math.max(0, this.o.clock.now() - arrivalMs(entries[entries.length - 1].record));
    let result;
    try {
      result = await this.o.invoke(this.o.functionName, event, { mode: 'sync' });
    } catch (error) {
      return { kind: 'notInvoked', ...errorText(error) };
    }
    const outcome = batchOutcome(
      result,
      entries.map((entry) => entry.sequenceNumber),
      this.o.source.reportBatchItemFailures,
    );
    if (outcome.kind !== 'notInvoked') {
      this.o.counters.batchesInvoked += 1;
      for (const entry of entries) entry.invocations += 1;
    }
    return outcome;
  }

  /** The leading records older than maximumRecordAgeSeconds (none when it is -1). */
  private expiredPrefix(entries: readonly Entry[]): number {
    const maxAge = this.o.source.maximumRecordAgeSeconds;
    if (maxAge === -1) return 0;
    const oldestAllowed = this.o.clock.now() - maxAge * 1000;
    let count = 0;
    while (count < entries.length && arrivalMs(entries[count].record) < oldestAllowed) count += 1;
    return count;
  }

  /**
   * Describes the records to the on-failure queue, then checkpoints past them. Until the queue
   * takes the message the shard waits (retrying), so a record is never skipped without a trace.
   */
  private async giveUp(entries: Entry[], condition: StreamFailureCondition, response: LastResponse): Promise<boolean> {
    const { source, signal } = this.o;
    const body = JSON.stringify(
      streamFailureRecord({
        requestId: randomUUID(),
        functionArn: this.o.functionArn,
        condition,
        approximateInvokeCount: Math.max(...entries.map((entry) => entry.invocations)),
        response,
        timestamp: this.o.clock.now(),
        shardId: this.o.reader.shardId,
        streamArn: this.o.eventContext.streamArn,
        records: entries.map((entry) => entry.record),
      }),
    );
    const attributes = { FUNCTION_ARN: this.o.functionArn, CONDITION: condition, ERROR_TYPE: response.errorType, ERROR_MESSAGE: response.errorMessage.slice(0, 1_000) };
    for (let attempt = 1; !signal.aborted; attempt += 1) {
      try {
        await this.o.deadLetter(source.onFailureQueue, body, attributes);
        this.o.counters.deadLettered += entries.length;
        this.o.log(
          `${this.label}: ${condition}; ${entries.length} record(s) ${entries[0].sequenceNumber}…${entries[entries.length - 1].sequenceNumber} described to ${source.onFailureQueue}`,
        );
        this.commit(entries);
        return true;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) {
          this.o.log(`${this.label}: on-failure queue ${source.onFailureQueue} refused the record (${errorText(error).errorMessage}); the shard waits and retries`);
        }
        await abortableSleep(Math.min(this.o.idlePollMs * 2 ** Math.min(attempt, 6), MAX_BACKOFF_MS), signal);
      }
    }
    return false;
  }

  private commit(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.committed.add(entry);
    this.o.checkpoint(entries[entries.length - 1].sequenceNumber);
  }
}
