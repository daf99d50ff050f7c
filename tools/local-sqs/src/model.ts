/** Shapes shared by the store and both protocols; names follow the SQS JSON API. */

/** Epoch milliseconds from an injectable source, as `@pulse/service-kit`'s clock port. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** Base64, as the JSON protocol carries blobs. */
  BinaryValue?: string;
}

export interface StoredMessage {
  readonly id: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: Record<string, MessageAttributeValue>;
  readonly md5OfAttributes?: string;
  readonly sentAt: number;
  readonly senderId: string;
  /** Visible to receivers from this instant: after a delay, or when a visibility timeout ends. */
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  /** Receipt handle of the latest receive; only it may change visibility. */
  receiptHandle?: string;
}

/** A message as ReceiveMessage returns it (JSON protocol shape). */
export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, MessageAttributeValue>;
}

export const ACCOUNT_ID = '000000000000';
