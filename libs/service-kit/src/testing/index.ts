// Test helpers: import from '@pulse/service-kit/testing' in specs only, never in handlers.
export { lambdaContext, type LambdaContextOptions } from './lambda-context';
export { eventBridgeEvent, sampleEvent } from './eventbridge-event';
export { httpApiEvent, type HttpApiEventOptions } from './http-api-event';
export {
  startPutEventsServer,
  type CallFailure,
  type EntryFailure,
  type PutEventsServer,
  type PutEventsServerOptions,
  type WireEntry,
} from './put-events-server';
export { fixedClock, manualClock, type ManualClock } from '../clock';
export { sequentialIds } from '../id-generator';
export { startLocalDynamoDb, type LocalDynamoDb, type LocalDynamoDbOptions } from './local-dynamodb';
