import { performance } from 'node:perf_hooks';
import { optionalInteger, requireString, stringList } from './input-reader';
import { md5OfMessageAttributes } from './md5';
import type { MessageAttributeValue, ReceivedMessage, StoredMessage } from './model';
import type { Operation } from './operation';

const SYSTEM_ATTRIBUTES = ['ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp', 'SentTimestamp', 'SenderId'] as const;

/**
 * ReceiveMessage with long polling: it returns as soon as at least one message can be
 * received, or empty when WaitTimeSeconds (real seconds) pass, the caller disconnects or
 * the server closes.
 */
export const receiveMessage: Operation = async (input, context) => {
  const queueUrl = requireString(input, 'QueueUrl');
  const queue = context.store.byUrl(queueUrl);
  const max = optionalInteger(input, 'MaxNumberOfMessages', 1, 10) ?? 1;
  const visibilityTimeout = optionalInteger(input, 'VisibilityTimeout', 0, 43_200);
  const waitSeconds = optionalInteger(input, 'WaitTimeSeconds', 0, 20) ?? queue.numberAttribute('ReceiveMessageWaitTimeSeconds');
  const systemNames = [...stringList(input, 'AttributeNames'), ...stringList(input, 'MessageSystemAttributeNames')];
  const attributeNames = stringList(input, 'MessageAttributeNames');

  const deadline = performance.now() + waitSeconds * 1000;
  const wake = (): void => queue.notify();
  context.signal.addEventListener('abort', wake);
  try {
    for (;;) {
      if (context.signal.aborted || context.store.find(queue.name) !== queue) return {};
      const received = queue.receive(max, visibilityTimeout);
      if (received.length > 0) {
        return { Messages: received.map((message) => present(message, systemNames, attributeNames)) };
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) return {};
      await queue.waitForChange(remaining);
    }
  } finally {
    context.signal.removeEventListener('abort', wake);
  }
};

function present(message: StoredMessage, systemNames: string[], attributeNames: string[]): ReceivedMessage {
  const result: ReceivedMessage = {
    MessageId: message.id,
    ReceiptHandle: message.receiptHandle ?? '',
    MD5OfBody: message.md5OfBody,
    Body: message.body,
  };
  const system = systemAttributes(message, systemNames);
  if (Object.keys(system).length > 0) result.Attributes = system;
  const attributes = selectAttributes(message.attributes, attributeNames);
  const md5 = md5OfMessageAttributes(attributes);
  if (md5) {
    result.MD5OfMessageAttributes = md5;
    result.MessageAttributes = attributes;
  }
  return result;
}

function systemAttributes(message: StoredMessage, names: string[]): Record<string, string> {
  const values: Record<(typeof SYSTEM_ATTRIBUTES)[number], string> = {
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveAt ?? message.sentAt),
    SentTimestamp: String(message.sentAt),
    SenderId: message.senderId,
  };
  const wanted = names.includes('All') ? SYSTEM_ATTRIBUTES : SYSTEM_ATTRIBUTES.filter((name) => names.includes(name));
  return Object.fromEntries(wanted.map((name) => [name, values[name]]));
}

/** `All`, `.*`, exact names and `prefix.*` select message attributes, as in SQS. */
function selectAttributes(attributes: Record<string, MessageAttributeValue>, names: string[]): Record<string, MessageAttributeValue> {
  const matches = (name: string): boolean =>
    names.some((wanted) => wanted === 'All' || wanted === '.*' || wanted === name || (wanted.endsWith('.*') && name.startsWith(wanted.slice(0, -1))));
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => matches(name)));
}
