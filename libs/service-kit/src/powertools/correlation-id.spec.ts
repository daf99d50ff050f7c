import { correlationIdOf } from './correlation-id';

const context = { awsRequestId: 'lambda-request-1' };

describe('correlationIdOf', () => {
  it('continues the correlation id of an EventBridge event', () => {
    // Prepare
    const event = { source: 'pulse.ingest', detail: { metadata: { correlationId: 'corr-from-event' }, data: {} } };

    // Act / Assess
    expect(correlationIdOf(event, context)).toBe('corr-from-event');
  });

  it('takes an x-correlation-id header whatever its case, before the request id', () => {
    // Prepare
    const event = { headers: { 'X-Correlation-Id': 'corr-from-header' }, requestContext: { requestId: 'api-request-1' } };

    // Act / Assess
    expect(correlationIdOf(event, context)).toBe('corr-from-header');
  });

  it('falls back to the API request id, then the Lambda request id', () => {
    // Act / Assess
    expect(correlationIdOf({ headers: {}, requestContext: { requestId: 'api-request-1' } }, context)).toBe('api-request-1');
    expect(correlationIdOf({ Records: [] }, context)).toBe('lambda-request-1');
    expect(correlationIdOf(null, context)).toBe('lambda-request-1');
    expect(correlationIdOf({ detail: { metadata: { correlationId: '' } } }, context)).toBe('lambda-request-1');
  });
});
