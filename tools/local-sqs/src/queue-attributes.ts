import { invalidAttributeName, invalidAttributeValue, invalidParameter } from './sqs-error';

/** Attributes a caller may set, with AWS's defaults and ranges (seconds / bytes). */
const NUMERIC: Record<string, { min: number; max: number; default: number }> = {
  DelaySeconds: { min: 0, max: 900, default: 0 },
  MaximumMessageSize: { min: 1024, max: 1_048_576, default: 262_144 },
  MessageRetentionPeriod: { min: 60, max: 1_209_600, default: 345_600 },
  ReceiveMessageWaitTimeSeconds: { min: 0, max: 20, default: 0 },
  VisibilityTimeout: { min: 0, max: 43_200, default: 30 },
};

/** Stored verbatim: Pulse's local stand-in has no IAM or KMS, but callers may read them back. */
const OPAQUE = new Set(['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled']);

const FIFO_ONLY = new Set(['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);

export const COMPUTED_ATTRIBUTES = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
] as const;

export function defaultAttributes(): Record<string, string> {
  return Object.fromEntries(Object.entries(NUMERIC).map(([name, spec]) => [name, String(spec.default)]));
}

/** Validates attributes given to CreateQueue / SetQueueAttributes and returns them normalised. */
export function validateSettableAttributes(attributes: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (FIFO_ONLY.has(name)) {
      if (name === 'FifoQueue' && value === 'false') continue;
      throw invalidParameter(`Attribute ${name}: FIFO queues are not supported by Pulse's local SQS.`);
    }
    const numeric = NUMERIC[name];
    if (numeric) {
      const parsed = Number(value);
      if (!/^\d+$/.test(value) || parsed < numeric.min || parsed > numeric.max) {
        throw invalidAttributeValue(name, `Must be an integer from ${numeric.min} to ${numeric.max}.`);
      }
      result[name] = String(parsed);
    } else if (OPAQUE.has(name)) {
      if (name === 'RedrivePolicy' && value !== '') validateRedrivePolicy(value);
      result[name] = value;
    } else {
      throw invalidAttributeName(name);
    }
  }
  return result;
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export function parseRedrivePolicy(value: string | undefined): RedrivePolicy | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = JSON.parse(value) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  return { deadLetterTargetArn: String(parsed.deadLetterTargetArn), maxReceiveCount: Number(parsed.maxReceiveCount) };
}

function validateRedrivePolicy(value: string): void {
  let policy: RedrivePolicy | undefined;
  try {
    policy = parseRedrivePolicy(value);
  } catch {
    throw invalidAttributeValue('RedrivePolicy', 'Redrive policy is not a valid JSON map.');
  }
  if (!policy || !policy.deadLetterTargetArn.startsWith('arn:aws:sqs:')) {
    throw invalidAttributeValue('RedrivePolicy', 'Dead-letter target ARN must be an SQS queue ARN.');
  }
  if (!Number.isInteger(policy.maxReceiveCount) || policy.maxReceiveCount < 1 || policy.maxReceiveCount > 1000) {
    throw invalidAttributeValue('RedrivePolicy', 'Value of maxReceiveCount must be an integer from 1 to 1000.');
  }
}

/** Names GetQueueAttributes accepts, including the computed ones; `All` expands to every one. */
export function isKnownAttributeName(name: string): boolean {
  return name === 'All' || name in NUMERIC || OPAQUE.has(name) || (COMPUTED_ATTRIBUTES as readonly string[]).includes(name);
}
