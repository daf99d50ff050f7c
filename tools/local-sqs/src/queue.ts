import { randomUUID } from 'node:crypto';
import type { JournalRecord, QueueJournal } from './journal-record';
import { md5Hex, md5OfMessageAttributes } from './md5';
import type { Clock, MessageAttributeValue, StoredMessage } from './model';
import { parseRedrivePolicy } from './queue-attributes';
import { decodeReceiptHandle, encodeReceiptHandle } from './receipt-handle';
import { invalidParameter, messageNotInflight, receiptHandleIsInvalid } from './sqs-error';

export interface SendInput {
  body: string;
  attributes: Record<string, MessageAttributeValue>;
  delaySeconds?: number;
  senderId: string;
}

/** Moves a message that exhausted its queue's maxReceiveCount; false when the target is unknown. */
/** A journal is compacted online once it holds this many lines and mostly history. */
const COMPACT_AFTER_LINES = 10_000;

export type DeadLetterSink = (targetArn: string, message: StoredMessage) => boolean;

/**
 * One standard queue: messages in arrival order, each visible, delayed or in flight by its
 * `visibleAt`. Every change goes to the journal before it is acknowledged.
 */
export class Queue {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly waiters = new Set<() => void>();
  private journalLines = 0;

  constructor(
    readonly name: string,
    readonly arn: string,
    private attributes: Record<string, string>,
    readonly createdAt: number,
    private lastModifiedAt: number,
    private readonly clock: Clock,
    private readonly journal: QueueJournal,
    private readonly deadLetterSink: DeadLetterSink,
  ) {}

  /** The creation record, first line of a compacted journal. */
  creationRecord(): Extract<JournalRecord, { t: 'queue' }> {
    return { t: 'queue', name: this.name, attributes: { ...this.attributes }, createdAt: this.createdAt, lastModifiedAt: this.lastModifiedAt };
  }

  settableAttributes(): Readonly<Record<string, string>> {
    return this.attributes;
  }

  lastModified(): number {
    return this.lastModifiedAt;
  }

  setAttributes(changes: Record<string, string>): void {
    this.attributes = { ...this.attributes, ...changes };
    this.lastModifiedAt = this.clock.now();
    this.write({ t: 'attrs', attributes: this.attributes, lastModifiedAt: this.lastModifiedAt });
    this.notify();
  }

  numberAttribute(name: string): number {
    return Number(this.attributes[name]);
  }

  send(input: SendInput): StoredMessage {
    const now = this.clock.now();
    const size = Buffer.byteLength(input.body, 'utf8') + attributesSize(input.attributes);
    const limit = this.numberAttribute('MaximumMessageSize');
    if (size > limit) {
      throw invalidParameter(`One or more parameters are invalid. Reason: Message must be shorter than ${limit} bytes.`);
    }
    const delay = input.delaySeconds ?? this.numberAttribute('DelaySeconds');
    const message: StoredMessage = {
      id: randomUUID(),
      body: input.body,
      md5OfBody: md5Hex(input.body),
      attributes: input.attributes,
      md5OfAttributes: md5OfMessageAttributes(input.attributes),
      sentAt: now,
      senderId: input.senderId,
      visibleAt: now + delay * 1000,
      receiveCount: 0,
    };
    this.adopt(message);
    return message;
  }

  /** Takes in a message as it is (a restart, a redrive from another queue). */
  adopt(message: StoredMessage): void {
    this.messages.set(message.id, message);
    this.write({ t: 'send', m: message });
    this.notify();
  }

  /** Receives up to `max` visible messages, hiding each for the visibility timeout. */
  receive(max: number, visibilityTimeoutSeconds?: number): StoredMessage[] {
    this.expire();
    const now = this.clock.now();
    const timeout = visibilityTimeoutSeconds ?? this.numberAttribute('VisibilityTimeout');
    const redrive = parseRedrivePolicy(this.attributes.RedrivePolicy);
    const received: StoredMessage[] = [];
    for (const message of this.messages.values()) {
      if (received.length >= max) break;
      if (message.visibleAt > now) continue;
      if (redrive && message.receiveCount >= redrive.maxReceiveCount && this.deadLetterSink(redrive.deadLetterTargetArn, message)) {
        this.forget(message.id);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceiveAt ??= now;
      message.visibleAt = now + timeout * 1000;
      message.receiptHandle = encodeReceiptHandle({ queueName: this.name, messageId: message.id, receiveCount: message.receiveCount });
      this.journalState(message);
      received.push(message);
    }
    return received;
  }

  /** Deletes by receipt handle; deleting a message already gone succeeds, as in SQS. */
  delete(receiptHandle: string): void {
    const parts = this.parseHandle(receiptHandle);
    if (this.messages.has(parts.messageId)) this.forget(parts.messageId);
  }

  changeVisibility(receiptHandle: string, timeoutSeconds: number): void {
    const parts = this.parseHandle(receiptHandle);
    const message = this.messages.get(parts.messageId);
    if (!message || message.receiptHandle !== receiptHandle) {
      throw invalidParameter(
        `Value ${receiptHandle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
      );
    }
    const now = this.clock.now();
    if (message.visibleAt <= now) throw messageNotInflight();
    message.visibleAt = now + timeoutSeconds * 1000;
    this.journalState(message);
    if (timeoutSeconds === 0) this.notify();
  }

  purge(): void {
    this.messages.clear();
    this.write({ t: 'purge' });
  }

  counts(): { visible: number; inFlight: number; delayed: number } {
    this.expire();
    const now = this.clock.now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of this.messages.values()) {
      if (message.visibleAt <= now) visible += 1;
      else if (message.receiveCount > 0) inFlight += 1;
      else delayed += 1;
    }
    return { visible, inFlight, delayed };
  }

  /** Every message, for in-process tools (the DLQ CLI lists without receiving). */
  peek(): readonly StoredMessage[] {
    this.expire();
    return [...this.messages.values()];
  }

  /**
   * Resolves when the queue may have something new to receive (a send, a visibility change,
   * the next hidden message becoming visible) or after `maxWaitMs`, whichever is first.
   */
  waitForChange(maxWaitMs: number): Promise<void> {
    const untilVisible = this.msUntilNextVisible();
    const wait = Math.max(0, Math.min(maxWaitMs, untilVisible));
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      this.waiters.add(done);
    });
  }

  /** Wakes every long poll, e.g. when the server closes. */
  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  close(): void {
    this.notify();
    this.journal.close();
  }

  removeJournal(): void {
    this.notify();
    this.journal.remove();
  }

  /** Replays one journal line (start-up only: nothing is written back). */
  replay(record: JournalRecord): void {
    switch (record.t) {
      case 'attrs':
        this.attributes = record.attributes;
        this.lastModifiedAt = record.lastModifiedAt;
        break;
      case 'send':
        this.messages.set(record.m.id, record.m);
        break;
      case 'state': {
        const message = this.messages.get(record.id);
        if (message) {
          message.visibleAt = record.visibleAt;
          message.receiveCount = record.receiveCount;
          message.firstReceiveAt = record.firstReceiveAt;
          message.receiptHandle = record.receiptHandle;
        }
        break;
      }
      case 'delete':
        this.messages.delete(record.id);
        break;
      case 'purge':
        this.messages.clear();
        break;
      case 'queue':
        break;
    }
  }

  private write(record: JournalRecord): void {
    this.journal.append(record);
    this.journalLines += 1;
    if (this.journalLines > COMPACT_AFTER_LINES && this.journalLines > 4 * (this.messages.size + 1)) this.compact();
  }

  /** Rewrites the journal as the queue plus its live messages, dropping their history. */
  compact(): void {
    const records: JournalRecord[] = [this.creationRecord(), ...[...this.messages.values()].map((m): JournalRecord => ({ t: 'send', m }))];
    this.journal.rewrite(records);
    this.journalLines = records.length;
  }

  private parseHandle(receiptHandle: string): { messageId: string } {
    const parts = decodeReceiptHandle(receiptHandle);
    if (!parts || parts.queueName !== this.name) throw receiptHandleIsInvalid(receiptHandle);
    return parts;
  }

  private forget(id: string): void {
    this.messages.delete(id);
    this.write({ t: 'delete', id });
  }

  private journalState(message: StoredMessage): void {
    this.write({
      t: 'state',
      id: message.id,
      visibleAt: message.visibleAt,
      receiveCount: message.receiveCount,
      firstReceiveAt: message.firstReceiveAt,
      receiptHandle: message.receiptHandle,
    });
  }

  /** Drops messages older than the retention period, as SQS does. */
  private expire(): void {
    const oldest = this.clock.now() - this.numberAttribute('MessageRetentionPeriod') * 1000;
    for (const message of this.messages.values()) {
      if (message.sentAt <= oldest) this.forget(message.id);
    }
  }

  private msUntilNextVisible(): number {
    const now = this.clock.now();
    let next = Number.POSITIVE_INFINITY;
    for (const message of this.messages.values()) {
      if (message.visibleAt > now && message.visibleAt < next) next = message.visibleAt;
    }
    return next - now;
  }
}

function attributesSize(attributes: Record<string, MessageAttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(attributes)) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType);
    size += value.BinaryValue !== undefined ? Buffer.from(value.BinaryValue, 'base64').length : Buffer.byteLength(value.StringValue ?? '');
  }
  return size;
}
