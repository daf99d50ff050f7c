import type { ValidationIssue } from '@pulse/service-kit';

/**
 * An incoming event its contract rejects. Thrown, never swallowed: EventBridge retries per
 * the rule's policy and the DLQ then keeps the event with this message as its reason.
 */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly contract: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`invalid ${contract}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`);
  }
}
