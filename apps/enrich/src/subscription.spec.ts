import { compilePattern } from '@pulse/event-patterns';
import { contracts, DeviceRegisteredV1, DeviceRetiredV1, ReadingsNormalizedV1 } from '@pulse/schemas';
import { subscriptions } from './subscription';

const rule = (name: string) => subscriptions.find((s) => s.rule === name)!;

describe.each([
  { name: 'enrich-readings-normalized', admits: [ReadingsNormalizedV1] },
  { name: 'enrich-device-events', admits: [DeviceRegisteredV1, DeviceRetiredV1] },
])('subscription $name', ({ name, admits }) => {
  const pattern = compilePattern(rule(name).pattern);

  it.each(admits.map((c) => [c.name, c] as const))('matches the producer golden sample of %s', (_name, contract) => {
    // Act + Assess
    expect(pattern.matches(contract.sample)).toBe(true);
  });

  const others = contracts.filter((c) => !(admits as readonly { name: string }[]).some((a) => a.name === c.name));
  it.each(others.map((c) => [c.name, c] as const))('does not match the golden sample of %s', (_name, contract) => {
    // Act + Assess
    expect(pattern.matches(contract.sample)).toBe(false);
  });

  it('retries a failed delivery, then dead-letters it to enrich-dlq', () => {
    // Act
    const { deadLetterQueue, retryPolicy } = rule(name);

    // Assess
    expect(deadLetterQueue).toBe('enrich-dlq');
    expect(retryPolicy.maximumRetryAttempts).toBeGreaterThan(0);
  });
});
