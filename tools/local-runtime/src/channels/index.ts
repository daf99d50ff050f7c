// Pulse's non-HTTP ingest channels for the local runtime: Kinesis (kinesalite + Lambda's event
// source mapping) and S3 (s3rver + ObjectCreated notifications).
export { startLocalKinesis, type LocalKinesis, type LocalKinesisOptions } from './local-kinesis';
export {
  startKinesisPoller,
  DEFAULT_IDLE_POLL_MS,
  DEFAULT_KINESIS_RETRY_DELAY_MS,
  type KinesisPoller,
  type KinesisPollerOptions,
  type KinesisPollerStats,
} from './kinesis-poller';
export type { InitialPosition } from './kinesis-shard-reader';
export { localKinesisClient } from './kinesis-client';
export { startLocalS3, type LocalS3, type LocalS3Options } from './local-s3';
export {
  s3Notifications,
  DEFAULT_S3_RETRY_DELAY_MS,
  type S3EventEmitter,
  type S3Notifications,
  type S3NotificationsOptions,
  type S3NotificationStats,
} from './s3-notifications';
export type { ChannelLog, InvokeFunction, SendDeadLetter } from './channel-types';
