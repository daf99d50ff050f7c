import { messageOperations } from './message-operations';
import type { Operation } from './operation';
import { queueOperations } from './queue-operations';
import { receiveMessage } from './receive-message';

/** Every operation this server answers, by its SQS action name. */
export const operations: Readonly<Record<string, Operation>> = {
  ...queueOperations,
  ...messageOperations,
  ReceiveMessage: receiveMessage,
};
