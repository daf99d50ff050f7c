import { batchEntries, runBatch } from './batch';
import { type Input, messageAttributes, optionalInteger, requireInteger, requireString } from './input-reader';
import type { Operation } from './operation';
import type { Queue } from './queue';
import { batchTooLong, invalidMessageContents } from './sqs-error';

const MAX_VISIBILITY_TIMEOUT = 43_200;
/** Characters SQS accepts in a body: XML 1.0's, so the Query protocol can carry every message. */
const INVALID_BODY_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Validates and sends one message given in the API's shape; shared by the in-process helper. */
export function sendOne(queue: Queue, entry: Input, senderId: string): { MessageId: string; MD5OfMessageBody: string; MD5OfMessageAttributes?: string } {
  const body = requireString(entry, 'MessageBody');
  if (INVALID_BODY_CHARACTER.test(body)) throw invalidMessageContents();
  const message = queue.send({
    body,
    attributes: messageAttributes(entry, 'MessageAttributes'),
    delaySeconds: optionalInteger(entry, 'DelaySeconds', 0, 900),
    senderId,
  });
  return {
    MessageId: message.id,
    MD5OfMessageBody: message.md5OfBody,
    ...(message.md5OfAttributes ? { MD5OfMessageAttributes: message.md5OfAttributes } : {}),
  };
}

const sendMessage: Operation = (input, context) => sendOne(context.store.byUrl(requireString(input, 'QueueUrl')), input, context.senderId);

const sendMessageBatch: Operation = (input, context) => {
  const queue = context.store.byUrl(requireString(input, 'QueueUrl'));
  const entries = batchEntries(input);
  const size = entries.reduce((total, entry) => total + Buffer.byteLength(typeof entry.MessageBody === 'string' ? entry.MessageBody : ''), 0);
  const limit = queue.numberAttribute('MaximumMessageSize');
  if (size > limit) throw batchTooLong(size, limit);
  return runBatch(entries, (entry) => sendOne(queue, entry, context.senderId));
};

const deleteMessage: Operation = (input, context) => {
  context.store.byUrl(requireString(input, 'QueueUrl')).delete(requireString(input, 'ReceiptHandle'));
  return {};
};

const deleteMessageBatch: Operation = (input, context) => {
  const queue = context.store.byUrl(requireString(input, 'QueueUrl'));
  return runBatch(batchEntries(input), (entry) => {
    queue.delete(requireString(entry, 'ReceiptHandle'));
    return {};
  });
};

const changeMessageVisibility: Operation = (input, context) => {
  const queue = context.store.byUrl(requireString(input, 'QueueUrl'));
  queue.changeVisibility(requireString(input, 'ReceiptHandle'), requireInteger(input, 'VisibilityTimeout', 0, MAX_VISIBILITY_TIMEOUT));
  return {};
};

const changeMessageVisibilityBatch: Operation = (input, context) => {
  const queue = context.store.byUrl(requireString(input, 'QueueUrl'));
  return runBatch(batchEntries(input), (entry) => {
    queue.changeVisibility(requireString(entry, 'ReceiptHandle'), requireInteger(entry, 'VisibilityTimeout', 0, MAX_VISIBILITY_TIMEOUT));
    return {};
  });
};

export const messageOperations: Record<string, Operation> = {
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  DeleteMessage: deleteMessage,
  DeleteMessageBatch: deleteMessageBatch,
  ChangeMessageVisibility: changeMessageVisibility,
  ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
};
