/**
 * A received batch transform cannot normalise without guessing (an unparseable timestamp,
 * a readingId that is not `<deviceId>@<ts>`). Ingest guarantees neither happens, so this
 * means a broken producer: the handler throws, EventBridge retries per the subscription's
 * policy and the dead-letter queue keeps the whole event with this message as its reason.
 */
export class InvalidBatchError extends Error {
  override readonly name = 'InvalidBatchError';

  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
  }
}
