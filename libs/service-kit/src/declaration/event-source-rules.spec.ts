import { ServiceDeclarationError } from './declaration-error';
import { defineService } from './define-service';
import type { EventSourceDeclaration, ServiceDeclaration } from './service-declaration';

const fn = <N extends string>(name: N) => ({ name, handler: `src/handlers/${name}.ts`, memoryMb: 256, timeoutSeconds: 30 });

const kinesis: EventSourceDeclaration<'from-stream'> = {
  kind: 'kinesis',
  function: 'from-stream',
  stream: 'Readings',
  batchSize: 100,
  maximumBatchingWindowSeconds: 1,
  startingPosition: 'LATEST',
  reportBatchItemFailures: true,
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 10,
  maximumRecordAgeSeconds: 86_400,
  onFailureQueue: 'ingest-kinesis-dlq',
};
const s3: EventSourceDeclaration<'from-bucket'> = {
  kind: 's3',
  function: 'from-bucket',
  bucket: 'Drops',
  events: ['s3:ObjectCreated:*'],
  prefix: 'incoming/',
  maximumRetryAttempts: 2,
  onFailureQueue: 'ingest-s3-dlq',
};

function problemsOf(declaration: ServiceDeclaration): readonly string[] {
  try {
    defineService(declaration);
    return [];
  } catch (error) {
    if (error instanceof ServiceDeclarationError) return error.problems;
    throw error;
  }
}

describe('event sources in a declaration', () => {
  it('accepts Kinesis and S3 triggers on declared functions, streams and buckets', () => {
    // Prepare
    const declaration = {
      name: 'ingest',
      functions: [fn('from-stream'), fn('from-bucket')],
      streams: [{ name: 'Readings' }],
      buckets: [{ name: 'Drops' }],
      eventSources: [kinesis, s3],
    } as const;

    // Act / Assess
    expect(defineService(declaration)).toBe(declaration);
  });

  it('reports unknown functions, streams and buckets, and limits out of range, all at once', () => {
    // Prepare
    const declaration: ServiceDeclaration = {
      name: 'ingest',
      functions: [fn('from-stream')],
      streams: [{ name: 'Other' }],
      eventSources: [
        { ...kinesis, batchSize: 0, maximumRecordAgeSeconds: 30 },
        { ...s3, maximumRetryAttempts: 3, onFailureQueue: '' },
      ],
    };

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual([
      "kinesis event source for 'from-stream': unknown stream 'Readings'",
      "kinesis event source for 'from-stream': batchSize must be 1–10000",
      "kinesis event source for 'from-stream': maximumRecordAgeSeconds must be -1 or 60–604800",
      "s3 event source for 'from-bucket': unknown function 'from-bucket'",
      "s3 event source for 'from-bucket': unknown bucket 'Drops'",
      "s3 event source for 'from-bucket': maximumRetryAttempts must be 0–2",
      "s3 event source for 'from-bucket': a failure queue is required",
    ]);
  });
});
