import { compilePattern } from '@pulse/event-patterns';
import { ReadingsReceivedV1, contracts } from '@pulse/schemas';
import { DEAD_LETTER_QUEUE, RETRY_POLICY, subscriptions } from './subscription';

describe('transform-readings-received subscription', () => {
  const [subscription] = subscriptions;
  const matcher = compilePattern(subscription.pattern);

  it('admits the ReadingsReceived golden sample', () => {
    // Act / Assess
    expect(matcher.matches(ReadingsReceivedV1.sample)).toBe(true);
  });

  it('admits no other contract’s golden sample', () => {
    // Prepare
    const others = contracts.filter((c) => c !== ReadingsReceivedV1);

    // Act
    const admitted = others.filter((c) => matcher.matches(c.sample)).map((c) => c.name);

    // Assess
    expect(others.length).toBeGreaterThan(5);
    expect(admitted).toEqual([]);
  });

  it('rejects a ReadingsReceived detail-type from another source', () => {
    // Prepare
    const forged = { ...ReadingsReceivedV1.sample, source: 'pulse.enrich' };

    // Act / Assess
    expect(matcher.matches(forged)).toBe(false);
  });

  it('bounds retries to 4 attempts within an hour, then the transform DLQ', () => {
    // Act / Assess
    expect(subscription).toMatchObject({
      rule: 'transform-readings-received',
      target: { kind: 'function', function: 'normalize-readings' },
      retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 },
      deadLetterQueue: 'transform-dlq',
    });
    expect(RETRY_POLICY).toBe(subscription.retryPolicy);
    expect(DEAD_LETTER_QUEUE).toBe('transform-dlq');
  });
});
