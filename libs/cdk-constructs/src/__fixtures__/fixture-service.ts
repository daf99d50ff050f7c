import type { ServiceDeclaration } from '@pulse/service-kit';

/**
 * A declaration using every feature the construct supports (all four target kinds, both
 * authorizers, both event sources, GSI + LSI), so the construct is proven on more than what
 * today's five services happen to use. Named 'ingest' only because names are a closed set.
 */
export const fixtureService: ServiceDeclaration = {
  name: 'ingest',
  functions: [
    {
      name: 'handle-events',
      handler: 'src/handlers/handle-events.ts',
      memoryMb: 256,
      timeoutSeconds: 20,
      reservedConcurrency: 5,
      environment: { bus: true, tables: [{ table: 'Things', access: 'readWrite' }], topics: ['notices'], variables: { WINDOW: '60', SHARED: 'declared' } },
    },
    { name: 'read-things', handler: 'src/handlers/read-things.ts', memoryMb: 128, timeoutSeconds: 5, environment: { tables: [{ table: 'Things', access: 'read' }] } },
    { name: 'authorize', handler: 'src/handlers/authorize.ts', memoryMb: 128, timeoutSeconds: 3 },
    { name: 'consume-stream', handler: 'src/handlers/consume-stream.ts', memoryMb: 256, timeoutSeconds: 60 },
    { name: 'consume-drops', handler: 'src/handlers/consume-drops.ts', memoryMb: 512, timeoutSeconds: 300 },
  ],
  subscriptions: [
    {
      rule: 'fx-things',
      pattern: { source: ['pulse.transform'], 'detail-type': ['ThingsHappened'], detail: { data: { level: [{ numeric: ['>=', 3] }] } } },
      target: { kind: 'function', function: 'handle-events' },
      retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 },
      deadLetterQueue: 'fx-dlq',
    },
    {
      rule: 'fx-notify',
      pattern: { source: ['pulse.ingest'], 'detail-type': ['Noticed'] },
      target: { kind: 'sns', topic: 'notices' },
      deadLetterQueue: 'fx-notify-dlq',
    },
    {
      rule: 'fx-queue',
      pattern: { source: ['pulse.ingest'], 'detail-type': ['Noticed'] },
      target: { kind: 'sqs', queue: 'fx-work' },
      retryPolicy: { maximumRetryAttempts: 10 },
      deadLetterQueue: 'fx-notify-dlq',
    },
    {
      rule: 'fx-hook',
      pattern: { source: ['pulse.ingest'], 'detail-type': ['Noticed'] },
      target: { kind: 'apiDestination', destination: 'fx-hook' },
      deadLetterQueue: 'fx-notify-dlq',
    },
  ],
  routes: [
    { method: 'POST', path: '/v1/things', auth: 'apiKey', function: 'handle-events', summary: 'write', responses: { 202: { description: 'ok' } } },
    { method: 'GET', path: '/v1/things/{thingId}', auth: 'jwt', function: 'read-things', summary: 'read', responses: { 200: { description: 'ok' } } },
  ],
  authorizer: { function: 'authorize', resultTtlSeconds: 120 },
  tables: [
    {
      name: 'Things',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'ts', type: 'N' },
      globalIndexes: [{ name: 'byKind', partitionKey: { name: 'kind', type: 'S' }, sortKey: { name: 'ts', type: 'N' }, projection: { include: ['value'] } }],
      localIndexes: [{ name: 'byValue', sortKey: { name: 'value', type: 'N' }, projection: 'KEYS_ONLY' }],
      timeToLiveAttribute: 'expiresAt',
      billing: 'onDemand',
    },
  ],
  topics: [{ name: 'notices', description: 'Things noticed' }],
  streams: [{ name: 'Feed', shards: 2, retentionHours: 48 }],
  buckets: [{ name: 'Drops', expirations: [{ prefix: 'reports/', days: 7 }] }],
  eventSources: [
    {
      kind: 'kinesis',
      function: 'consume-stream',
      stream: 'Feed',
      batchSize: 50,
      maximumBatchingWindowSeconds: 2,
      startingPosition: 'TRIM_HORIZON',
      reportBatchItemFailures: true,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 3,
      maximumRecordAgeSeconds: 600,
      onFailureQueue: 'fx-stream-dlq',
    },
    {
      kind: 's3',
      function: 'consume-drops',
      bucket: 'Drops',
      events: ['s3:ObjectCreated:*'],
      prefix: 'incoming/',
      suffix: '.ndjson',
      maximumRetryAttempts: 1,
      onFailureQueue: 'fx-drops-dlq',
    },
  ],
};
