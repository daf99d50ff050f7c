import { BACKOFF_CAP_MS, backoffDelayMs } from './backoff';
import { classifyError, isRetriable } from './dead-letter-attributes';

describe('error codes for DLQ messages', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'CONNECTION_FAILURE', true],
    [Object.assign(new Error('Task timed out after 3.00 seconds'), { code: 'TIMEOUT' }), 'TIMEOUT', true],
    [Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }), 'THROTTLING', true],
    [Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }), 'NO_PERMISSIONS', false],
    [new Error('handler threw'), 'ERROR_FROM_TARGET', true],
    ['a thrown string', 'ERROR_FROM_TARGET', true],
  ])('maps %p to %s', (error, code, retriable) => {
    // Act
    const classified = classifyError(error);

    // Assess
    expect(classified.code).toBe(code);
    expect(isRetriable(classified)).toBe(retriable);
  });
});

describe('backoff', () => {
  it('doubles from one second, jitters within [d/2, d] and stops growing at the cap', () => {
    // Act
    const lowest = [0, 1, 2, 20].map((retry) => backoffDelayMs(retry, () => 0));
    const highest = [0, 1, 2, 20].map((retry) => backoffDelayMs(retry, () => 0.999999));

    // Assess
    expect(lowest).toEqual([500, 1_000, 2_000, BACKOFF_CAP_MS / 2]);
    expect(highest.map(Math.round)).toEqual([1_000, 2_000, 4_000, BACKOFF_CAP_MS]);
  });
});
