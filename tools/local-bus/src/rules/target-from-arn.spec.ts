import { queueNameFromArn, targetFromArn } from './target-from-arn';

describe('targetFromArn', () => {
  test.each([
    ['arn:aws:lambda:us-east-1:000000000000:function:store-readings', { kind: 'function', name: 'store-readings' }],
    ['arn:aws:lambda:us-east-1:000000000000:function:store-readings:live', { kind: 'function', name: 'store-readings' }],
    ['arn:aws:sqs:us-east-1:000000000000:audit', { kind: 'sqs', name: 'audit' }],
    ['arn:aws:sns:us-east-1:000000000000:alerts', { kind: 'sqs', name: 'alerts-notifications' }],
    ['arn:aws:events:us-east-1:000000000000:api-destination/hook/0b1c', { kind: 'apiDestination', name: 'hook' }],
    ['arn:aws:kinesis:us-east-1:000000000000:stream/readings', undefined],
    ['arn:aws:lambda:us-east-1:000000000000:function:', undefined],
    ['not-an-arn', undefined],
  ])('%s', (arn, expected) => {
    // Act
    const resolved = targetFromArn(arn);

    // Assess
    expect(resolved).toEqual(expected);
  });

  test('only SQS queues can be dead-letter queues', () => {
    // Act / Assess
    expect(queueNameFromArn('arn:aws:sqs:us-east-1:000000000000:persist-dlq')).toBe('persist-dlq');
    expect(queueNameFromArn('arn:aws:sns:us-east-1:000000000000:topic')).toBeUndefined();
  });
});
