export { startSqsServer, type SqsServer, type SqsServerOptions } from './sqs-server';
export { md5OfMessageAttributes } from './md5';
export type { Clock, MessageAttributeValue, StoredMessage } from './model';
export { SqsError } from './sqs-error';
