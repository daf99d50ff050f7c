import { randomBytes } from 'node:crypto';

/**
 * A receipt handle names the queue, the message and the receive it came from, so a stale
 * or foreign handle is recognised without a lookup table. The random tail keeps handles
 * unguessable, as AWS's are.
 */
export interface ReceiptHandleParts {
  queueName: string;
  messageId: string;
  receiveCount: number;
}

export function encodeReceiptHandle(parts: ReceiptHandleParts): string {
  const text = `${parts.queueName}\n${parts.messageId}\n${parts.receiveCount}\n${randomBytes(12).toString('hex')}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function decodeReceiptHandle(handle: string): ReceiptHandleParts | undefined {
  const fields = Buffer.from(handle, 'base64url').toString('utf8').split('\n');
  if (fields.length !== 4) return undefined;
  const [queueName, messageId, count] = fields;
  const receiveCount = Number(count);
  if (!queueName || !messageId || !Number.isInteger(receiveCount) || receiveCount < 1) return undefined;
  return { queueName, messageId, receiveCount };
}
