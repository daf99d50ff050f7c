import type { EventPattern as CdkEventPattern } from 'aws-cdk-lib/aws-events';
import type { EventPattern } from '@pulse/service-kit';

/**
 * The declaration spells the pattern as EventBridge does ('detail-type'); CDK's type calls it
 * `detailType` and renders it back. Every other field passes through untouched, so the rule
 * carries exactly the declared pattern.
 */
export function toCdkEventPattern(pattern: EventPattern): CdkEventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return { ...(rest as CdkEventPattern), ...(detailType ? { detailType: [...detailType] } : {}) };
}
